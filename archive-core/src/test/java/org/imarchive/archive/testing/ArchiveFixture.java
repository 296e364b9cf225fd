package org.imarchive.archive.testing;

import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.ledger.ArchiveVerifier;
import org.imarchive.archive.ledger.Ledger;
import org.imarchive.archive.store.FileBlobStore;
import org.imarchive.archive.store.JdbcArchiveStore;
import org.imarchive.archive.store.RecordPacks;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;

/** An archive store, ledger, audit trail and verifier over one database and one data directory, as the gateway wires them. */
public final class ArchiveFixture implements AutoCloseable {
    public final DataSource dataSource;
    public final Path dataDir;
    public final RecordPacks packs;
    public final FileBlobStore blobs;
    public final JdbcArchiveStore store;
    public final AuditLog audit;
    public final ArchiveVerifier verifier;

    public ArchiveFixture(DataSource dataSource, Path dataDir, Clock clock) {
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.packs = new RecordPacks(dataDir.resolve("records"), 64L * 1024 * 1024);
        this.blobs = new FileBlobStore(dataDir.resolve("blobs"));
        this.store = new JdbcArchiveStore(dataSource, packs, new Ledger(clock), blobs, clock);
        this.audit = new AuditLog(dataSource, clock);
        this.verifier = new ArchiveVerifier(dataSource, packs, blobs);
    }

    @Override
    public void close() {
        packs.close();
    }
}
