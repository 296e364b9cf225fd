package org.imarchive.gateway.config;

import org.imarchive.archive.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the master key comes from: the setting, the key file the operator named, or, on the embedded default only,
 * a key file generated once under the data directory (owner-only). A server database without a configured key stops
 * start-up: a key generated beside a shared database would be lost with the machine. The key itself is never logged.
 */
final class MasterKeySource {
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeySource.class);

    private MasterKeySource() {
    }

    static MasterKey resolve(EncryptionProperties settings, Path dataDir, boolean embeddedDatabase) {
        if (settings.masterKey() != null && !settings.masterKey().isBlank()) {
            if (settings.masterKeyFile() != null) {
                throw new IllegalArgumentException("set gateway.archive.encryption.master-key or master-key-file, not both");
            }
            return parse(settings.masterKey(), "gateway.archive.encryption.master-key");
        }
        if (settings.masterKeyFile() != null) {
            if (!Files.isRegularFile(settings.masterKeyFile())) {
                throw new IllegalArgumentException("gateway.archive.encryption.master-key-file: no such file " + settings.masterKeyFile());
            }
            return read(settings.masterKeyFile(), "gateway.archive.encryption.master-key-file");
        }
        if (!embeddedDatabase) {
            throw new IllegalArgumentException("gateway.archive.encryption.master-key or master-key-file is required with a server"
                    + " database (or set gateway.archive.encryption.enabled=false)");
        }
        Path generated = dataDir.resolve("keys").resolve("master.key");
        if (Files.isRegularFile(generated)) {
            return read(generated, "the generated master key file " + generated);
        }
        return generate(generated);
    }

    private static MasterKey generate(Path file) {
        MasterKey key = MasterKey.generate();
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("master.key.tmp");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temp);
            }
            Files.writeString(temp, key.toBase64() + "\n", StandardCharsets.US_ASCII);
            Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated master key file " + file, e);
        }
        LOG.warn("Encryption at rest: generated a master key in {} (owner-only). Back it up apart from the data: without it the"
                + " archive cannot be read. Set gateway.archive.encryption.master-key-file to keep it elsewhere.", file.toAbsolutePath());
        return key;
    }

    private static MasterKey read(Path file, String what) {
        try {
            return parse(Files.readString(file, StandardCharsets.US_ASCII), what);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + what, e);
        }
    }

    private static MasterKey parse(String text, String what) {
        try {
            return MasterKey.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + ": " + e.getMessage());
        }
    }
}
