package org.imarchive.connectors.twilio;

import org.imarchive.connectors.testing.PlatformFixtures;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** The shared fixtures, plus builders of this platform's format for variants the fixtures do not show. */
final class Fixtures extends PlatformFixtures {
    private Fixtures() {
    }

    /** A form body as Twilio encodes it, for variants the fixtures do not show. */
    static byte[] form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
