package org.imarchive.connectors.chatexport;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class TdesktopEscapeRepairTest {

    private static String repaired(String raw) throws IOException {
        try (var in = new TdesktopEscapeRepair(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void backslashXInsideAStringBecomesAUnicodeEscape() throws IOException {
        assertThat(repaired("{\"t\":\"a\\x07b\\x1f\"}")).isEqualTo("{\"t\":\"a\\u0007b\\u001f\"}");
    }

    @Test
    void escapedBackslashFollowedByXIsLeftAlone() throws IOException {
        assertThat(repaired("{\"t\":\"C:\\\\xdir \\\"\\x01\"}")).isEqualTo("{\"t\":\"C:\\\\xdir \\\"\\u0001\"}");
    }

    @Test
    void nonAsciiTextAndTextOutsideStringsPassUnchanged() throws IOException {
        String json = "{\"t\":\"Léa 🌻 x\", \"n\": 1}";
        assertThat(repaired(json)).isEqualTo(json);
    }
}
