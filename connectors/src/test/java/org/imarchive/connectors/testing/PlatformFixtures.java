package org.imarchive.connectors.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The shared wire-format fixtures (surefire sets {@code shared.dir}; from the module directory it is ../../shared).
 * Each connector's test package extends it with the builders of its own format.
 */
public class PlatformFixtures {
    public static final Instant RECEIVED_AT = Instant.parse("2024-01-01T00:00:07Z");

    protected PlatformFixtures() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("shared.dir", "../../shared"), "fixtures");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("fixtures not found at " + dir.toAbsolutePath());
        }
        return dir;
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CaptureRecord capture(String source, byte[] body) {
        return new CaptureRecord(42, CapturedPayload.of(source, RECEIVED_AT, Map.of(), body));
    }
}
