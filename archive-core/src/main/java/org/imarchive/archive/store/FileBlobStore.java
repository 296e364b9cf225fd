package org.imarchive.archive.store;

import org.imarchive.archive.crypto.Aead;
import org.imarchive.archive.crypto.DataKeys;
import org.imarchive.archive.crypto.SegmentedAead;
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
 * disk, then moved into place under its hash: a blob file either is complete or does not exist. With data keys, each
 * blob is sealed with a key of its own ({@link SegmentedAead}); its name stays the SHA-256 of the plaintext, which is
 * what the ledger vouches for and an examiner recomputes.
 */
public final class FileBlobStore implements BlobStore {
    private final Path root;
    private final Path incoming;
    private final DataKeys keys;

    /** Blobs in plaintext (encryption at rest turned off). */
    public FileBlobStore(Path root) {
        this(root, null);
    }

    /** @param keys where each blob's data key is kept; null for plaintext blobs */
    public FileBlobStore(Path root, DataKeys keys) {
        this.root = root;
        this.keys = keys;
        this.incoming = root.resolve("incoming");
        try {
            Files.createDirectories(incoming);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob directory " + root, e);
        }
    }

    @Override
    public synchronized String put(InputStream content) {
        Path temp = null;
        try {
            temp = Files.createTempFile(incoming, "blob", ".tmp");
            MessageDigest digest = Sha256.newDigest();
            byte[] key = keys == null ? null : Aead.newKey();
            OutputStream file = Files.newOutputStream(temp);
            try (OutputStream out = new DigestOutputStream(key == null ? file : SegmentedAead.sealing(file, key), digest)) {
                content.transferTo(out);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            String sha256 = Sha256.toHex(digest.digest());
            Path target = pathOf(sha256);
            // a file whose key was destroyed is disposed content waiting for deletion: store the new copy over it
            if (Files.exists(target) && (keys == null || !keys.destroyed(keyIdOf(sha256)))) {
                return sha256;
            }
            Files.createDirectories(target.getParent());
            if (key != null) {
                // stored before the file appears under its name, so no blob file is ever without its key
                keys.replace(keyIdOf(sha256), key);
            }
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
            if (!Files.exists(path)) {
                return Optional.empty();
            }
            if (keys == null) {
                return Optional.of(Files.newInputStream(path));
            }
            Optional<byte[]> key = keys.key(keyIdOf(sha256));
            if (key.isPresent()) {
                return Optional.of(SegmentedAead.opening(Files.newInputStream(path), key.get()));
            }
            if (keys.destroyed(keyIdOf(sha256))) {
                return Optional.empty();
            }
            // stored before encryption at rest was turned on
            return Optional.of(Files.newInputStream(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read blob " + sha256, e);
        }
    }

    @Override
    public void destroyKey(java.sql.Connection connection, String sha256) throws java.sql.SQLException {
        if (keys != null) {
            keys.destroy(connection, keyIdOf(sha256));
        }
    }

    @Override
    public void deleteFile(String sha256) {
        Path path = pathOf(sha256);
        try {
            if (Files.exists(path)) {
                path.toFile().setWritable(true);
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete blob " + sha256, e);
        }
    }

    private static String keyIdOf(String sha256) {
        return "blob:" + sha256;
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
        } catch (IOException | UncheckedIOException e) {
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
