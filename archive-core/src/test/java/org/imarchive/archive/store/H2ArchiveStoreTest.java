package org.imarchive.archive.store;

import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** The archive store on the embedded default: an H2 file database in PostgreSQL mode. */
class H2ArchiveStoreTest implements ArchiveStoreContract {
    @TempDir
    Path dir;
    private ArchiveFixture fixture;

    @Override
    public ArchiveFixture fixture() {
        fixture = new ArchiveFixture(TestDatabases.h2(dir), dir, Clock.systemUTC());
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
