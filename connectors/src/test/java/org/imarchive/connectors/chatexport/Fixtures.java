package org.imarchive.connectors.chatexport;

import org.imarchive.archive.model.ArchivedMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Shared test inputs: the shared fixtures folder, a fixed request, and a zip builder. */
final class Fixtures {
    static final Instant CAPTURED = Instant.parse("2024-02-01T10:00:00Z");
    static final String SHA = "0".repeat(64);

    private Fixtures() {
    }

    static Path shared(String name) {
        return Path.of(System.getProperty("shared.dir", "../../shared"), "fixtures", name);
    }

    static byte[] sharedBytes(String name) throws IOException {
        return Files.readAllBytes(shared(name));
    }

    static String sharedText(String name) throws IOException {
        return Files.readString(shared(name), StandardCharsets.UTF_8);
    }

    static byte[] resource(String name) throws IOException {
        try (var in = Fixtures.class.getResourceAsStream("/chatexport/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return in.readAllBytes();
        }
    }

    static ImportRequest request() {
        return ImportRequest.of("rm.alice", "+15550001111", CAPTURED);
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A sink that keeps what it is given. */
    static final class Collected implements java.util.function.Consumer<ArchivedMessage> {
        final List<ArchivedMessage> records = new ArrayList<>();

        @Override
        public void accept(ArchivedMessage message) {
            records.add(message);
        }
    }
}
