package org.imarchive.production.manifest;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.support.CanonicalJson;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;


/**
 * Collects the manifest's file entries as files are written (one JSON line each in a scratch file, so a production of
 * a million files does not hold them in memory) and writes {@code manifest.json} at the end, files last.
 */
public final class ManifestWriter implements Closeable {
    private static final ObjectMapper JSON = CanonicalJson.mapper();

    private final Path scratch;
    private final BufferedWriter lines;
    private long files;

    public ManifestWriter(Path scratchDir) throws IOException {
        this.scratch = Files.createTempFile(scratchDir, "manifest-files", ".jsonl");
        this.lines = Files.newBufferedWriter(scratch, StandardCharsets.UTF_8);
    }

    public void add(ManifestFile file) throws IOException {
        lines.write(JSON.writeValueAsString(file));
        lines.newLine();
        files++;
    }

    public long files() {
        return files;
    }

    /** Writes the manifest with every file added so far; {@code header.files()} is ignored, the added files are used. */
    public void writeTo(ProductionManifest header, OutputStream out) throws IOException {
        lines.flush();
        try (JsonGenerator json = JSON.getFactory().createGenerator(new NonClosing(out), JsonEncoding.UTF8);
             BufferedReader reader = Files.newBufferedReader(scratch, StandardCharsets.UTF_8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("format", header.format());
            json.writeStringField("productionId", header.productionId());
            json.writeStringField("matter", header.matter());
            json.writeStringField("requester", header.requester());
            json.writeStringField("selection", header.selection());
            json.writeStringField("firmTimeZone", header.firmTimeZone());
            json.writeStringField("createdAt", header.createdAt().toString());
            json.writeFieldName("bates");
            JSON.writeValue(json, header.bates());
            json.writeFieldName("counts");
            JSON.writeValue(json, header.counts());
            json.writeArrayFieldStart("files");
            for (String line; (line = reader.readLine()) != null; ) {
                json.writeRawValue(line);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    public static ProductionManifest read(byte[] manifestJson) {
        try {
            return JSON.readValue(manifestJson, ProductionManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("manifest.json is not a production manifest", e);
        }
    }


    @Override
    public void close() throws IOException {
        lines.close();
        Files.deleteIfExists(scratch);
    }

    /** Jackson closes the stream it writes to; the ZIP entry must stay open for the next one. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
