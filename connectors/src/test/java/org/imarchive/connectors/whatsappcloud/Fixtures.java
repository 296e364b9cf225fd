package org.imarchive.connectors.whatsappcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** The shared wire-format fixtures (surefire sets {@code shared.dir}; from the module directory it is ../../shared). */
final class Fixtures {
    static final Instant RECEIVED_AT = Instant.parse("2024-01-01T00:00:07Z");

    private Fixtures() {
    }

    static Path dir() {
        Path dir = Path.of(System.getProperty("shared.dir", "../../shared"), "fixtures");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("fixtures not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CaptureRecord capture(String source, byte[] body) {
        return new CaptureRecord(42, CapturedPayload.of(source, RECEIVED_AT, Map.of(), body));
    }

    /** A webhook body in Meta's envelope around one change, for variants the fixtures do not show. */
    static byte[] webhook(String field, String value) {
        return ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + value + ",\"field\":\"" + field + "\"}]}]}").getBytes(StandardCharsets.UTF_8);
    }
}
