package org.imarchive.archive.store;

import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

/** The same contract on a real PostgreSQL, started by {@code .ci/run}. */
class PostgresArchiveStoreTest implements ArchiveStoreContract {
    @TempDir
    Path dir;
    private ArchiveFixture fixture;

    @Override
    public ArchiveFixture fixture() {
        fixture = new ArchiveFixture(TestDatabases.postgres(), dir, Clock.systemUTC());
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
