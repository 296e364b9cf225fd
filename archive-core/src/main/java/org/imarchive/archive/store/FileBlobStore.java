package org.imarchive.archive.store;

import org.imarchive.archive.support.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Blobs as read-only files under {@code <root>/ab/cd/<sha256>}. Content is written to a temporary file, forced to
 * disk, then moved into place under its hash: a blob file either is complete or does not exist.
 */
public final class FileBlobStore implements BlobStore {
    private final Path root;
    private final Path incoming;

    public FileBlobStore(Path root) {
        this.root = root;
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob directory " + root, e);
        }
    }

    @Override
    public String put(InputStream content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "blob", ".tmp");
            MessageDigest digest = Sha256.newDigest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                content.transferTo(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            String sha256 = Sha256.toHex(digest.digest());
            Path target = pathOf(sha256);
            if (Files.exists(target)) {
                return sha256;
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                return sha256;
            }
            temp = null;
            target.toFile().setReadOnly();
            return sha256;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store blob", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        Path path = pathOf(sha256);
        try {
            return Files.exists(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + sha256, e);
        }
    }

    @Override
    public boolean exists(String sha256) {
        return Files.exists(pathOf(sha256));
    }

    @Override
    public boolean verify(String sha256) {
        Optional<InputStream> stream = open(sha256);
        if (stream.isEmpty()) {
            return false;
        }
        try (InputStream in = stream.get()) {
            return Sha256.hex(in).equals(sha256);
        } catch (IOException e) {
            return false;
        }
    }

    Path pathOf(String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless: it has no name in the store
            }
        }
    }
}
