package org.imarchive.archive.media;

import org.imarchive.archive.support.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * Downloaded content held in a temporary file until it is checked: a broken download or content that fails the
 * platform's hash never reaches the write-once blob store.
 */
final class SpooledMedia implements AutoCloseable {
    private final Path file;
    private final byte[] digest;
    private final long size;

    private SpooledMedia(Path file, byte[] digest, long size) {
        this.file = file;
        this.digest = digest;
        this.size = size;
    }

    /**
     * Copies the content into {@code directory}, hashing it on the way.
     *
     * @throws MediaFetchException (permanent) when the content is larger than {@code maxBytes}
     * @throws IOException         when the download breaks off
     */
    static SpooledMedia spool(InputStream content, Path directory, long maxBytes) throws IOException, MediaFetchException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "media-", ".part");
        try {
            MessageDigest sha256 = Sha256.newDigest();
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                for (int read; (read = content.read(buffer)) != -1; ) {
                    size += read;
                    if (size > maxBytes) {
                        throw new MediaFetchException(MediaFetchException.Failure.PERMANENT,
                                "larger than the configured limit of " + maxBytes + " bytes");
                    }
                    sha256.update(buffer, 0, read);
                    out.write(buffer, 0, read);
                }
            }
            return new SpooledMedia(file, sha256.digest(), size);
        } catch (IOException | MediaFetchException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Deletes downloads a crash left half-checked; their attachments are still queued and are fetched again. */
    static void removeLeftovers(Path directory) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (var leftovers = Files.newDirectoryStream(directory, "media-*.part")) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot clear the media spool " + directory, e);
        }
    }

    InputStream open() throws IOException {
        return Files.newInputStream(file);
    }

    byte[] digest() {
        return digest.clone();
    }

    String sha256() {
        return Sha256.toHex(digest);
    }

    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
