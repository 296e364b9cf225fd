package org.imarchive.gateway.config;

import org.imarchive.archive.crypto.MasterKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the master key comes from, and that the embedded default generates one once, owner-only. */
class MasterKeySourceTest {
    @TempDir
    Path dir;

    @Test
    void theEmbeddedDefaultGeneratesAKeyFileOnceOwnerOnly() throws Exception {
        EncryptionProperties none = new EncryptionProperties(true, null, null);
        MasterKey first = MasterKeySource.resolve(none, dir, true);
        Path file = dir.resolve("keys/master.key");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(MasterKeySource.resolve(none, dir, true)).isEqualTo(first);
    }

    @Test
    void aConfiguredKeyOrKeyFileIsUsedAndABadOneNamesItsSetting() throws Exception {
        MasterKey key = MasterKey.generate();
        assertThat(MasterKeySource.resolve(new EncryptionProperties(true, key.toBase64(), null), dir, false)).isEqualTo(key);
        Path file = Files.writeString(dir.resolve("key"), key.toBase64());
        assertThat(MasterKeySource.resolve(new EncryptionProperties(true, null, file), dir, false)).isEqualTo(key);

        assertThatThrownBy(() -> MasterKeySource.resolve(new EncryptionProperties(true, "not-a-key", null), dir, true))
                .hasMessageContaining("gateway.archive.encryption.master-key").hasMessageNotContaining("not-a-key");
        assertThatThrownBy(() -> MasterKeySource.resolve(new EncryptionProperties(true, null, dir.resolve("missing")), dir, true))
                .hasMessageContaining("master-key-file");
        assertThatThrownBy(() -> MasterKeySource.resolve(new EncryptionProperties(true, key.toBase64(), file), dir, true))
                .hasMessageContaining("not both");
    }

    @Test
    void aServerDatabaseNeedsItsKeyConfigured() {
        assertThatThrownBy(() -> MasterKeySource.resolve(new EncryptionProperties(true, null, null), dir, false))
                .hasMessageContaining("required with a server database");
        assertThat(dir.resolve("keys")).doesNotExist();
    }

    @Test
    void settingsNeverPrintTheKey() {
        String key = MasterKey.generate().toBase64();
        assertThat(new EncryptionProperties(true, key, null).toString()).doesNotContain(key);
    }
}
