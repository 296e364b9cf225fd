package org.imarchive.archive.store;

import org.imarchive.archive.crypto.MasterKey;
import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** The archive store's contract holds with encryption at rest on, as the gateway runs by default. */
class EncryptedH2ArchiveStoreTest implements ArchiveStoreContract {
    @TempDir
    Path dir;
    private ArchiveFixture fixture;

    @Override
    public ArchiveFixture fixture() {
        fixture = new ArchiveFixture(TestDatabases.h2(dir), dir, Clock.systemUTC(), MasterKey.generate(), null);
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
