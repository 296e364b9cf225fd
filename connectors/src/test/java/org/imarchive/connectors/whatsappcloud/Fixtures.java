package org.imarchive.connectors.whatsappcloud;

import org.imarchive.connectors.testing.PlatformFixtures;

import java.nio.charset.StandardCharsets;

/** The shared fixtures, plus builders of this platform's format for variants the fixtures do not show. */
final class Fixtures extends PlatformFixtures {
    private Fixtures() {
    }

    /** A webhook body in Meta's envelope around one change, for variants the fixtures do not show. */
    static byte[] webhook(String field, String value) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + value + ",\"field\":\"" + field + "\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
