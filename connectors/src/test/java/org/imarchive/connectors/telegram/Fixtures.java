package org.imarchive.connectors.telegram;

import org.imarchive.connectors.testing.PlatformFixtures;

import java.nio.charset.StandardCharsets;

/** The shared fixtures, plus builders of this platform's format for variants the fixtures do not show. */
final class Fixtures extends PlatformFixtures {
    private Fixtures() {
    }

    static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
