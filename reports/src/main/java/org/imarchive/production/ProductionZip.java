package org.imarchive.production;

import org.imarchive.archive.support.Sha256;
import org.imarchive.production.manifest.ManifestFile;
import org.imarchive.production.manifest.ManifestRecord;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The production ZIP as it is written: one entry at a time, each hashed while it streams out, its
 * {@code sha256sum} line kept (in a scratch file) for {@code SHA256SUMS}, which closes the archive.
 */
final class ProductionZip implements Closeable {

    /** Writes one file's bytes; the stream it gets must not be closed. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What a written entry came to: its hash and size. */
    record Written(String path, String sha256, long size) {
        ManifestFile asManifestFile(String kind, String conversationId, List<ManifestRecord> records) {
            return new ManifestFile(path, sha256, size, kind, conversationId, records);
        }
    }

    private final ZipOutputStream zip;
    private final FileTime entryTime;
    private final Path sumsScratch;
    private final BufferedWriter sums;
    private long entries;

    ProductionZip(OutputStream out, Instant createdAt, Path scratchDir) throws IOException {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        this.entryTime = FileTime.from(createdAt);
        this.sumsScratch = Files.createTempFile(scratchDir, "sha256sums", ".txt");
        this.sums = Files.newBufferedWriter(sumsScratch, StandardCharsets.UTF_8);
    }

    Written write(String path, Content content) throws IOException {
        open(path);
        HashingStream hashing = new HashingStream(zip);
        // PDFBox and the writers write byte by byte in places: hashing and deflating want blocks
        BufferedOutputStream buffered = new BufferedOutputStream(hashing);
        content.writeTo(buffered);
        buffered.flush();
        zip.closeEntry();
        String sha256 = Sha256.toHex(hashing.digest.digest());
        sums.write(sha256 + "  " + path + "\n");
        entries++;
        return new Written(path, sha256, hashing.size);
    }

    private void open(String path) throws IOException {
        ZipEntry entry = new ZipEntry(path);
        // every entry carries the production's time, not the wall clock, so the same input gives the same bytes
        entry.setLastModifiedTime(entryTime);
        // a transcript's streams (pages, fonts, object streams) are compressed by PDFBox already: deflating them again
        // costs time and saves next to nothing; the fastest level still shrinks EML, JSON and CSV well
        zip.setLevel(path.endsWith(".pdf") ? Deflater.NO_COMPRESSION : Deflater.BEST_SPEED);
        zip.putNextEntry(entry);
    }

    long entries() {
        return entries;
    }

    /** Writes {@code SHA256SUMS}, covering every entry written before it, and finishes the ZIP. */
    void finish(String sumsPath) throws IOException {
        sums.close();
        open(sumsPath);
        Files.copy(sumsScratch, zip);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    @Override
    public void close() throws IOException {
        sums.close();
        Files.deleteIfExists(sumsScratch);
    }

    private static final class HashingStream extends FilterOutputStream {
        private final MessageDigest digest = Sha256.newDigest();
        private long size;

        HashingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            size++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            size += len;
        }

        @Override
        public void close() {
            // the ZIP entry is closed by ProductionZip, not by whoever wrote the content
        }
    }
}
