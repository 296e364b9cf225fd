package org.imarchive.archive.testing;

import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.crypto.DataKeys;
import org.imarchive.archive.crypto.MasterKey;
import org.imarchive.archive.store.RetentionSchedule;
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
    /** Null when encryption at rest is off. */
    public final DataKeys keys;

    public ArchiveFixture(DataSource dataSource, Path dataDir, Clock clock) {
        this(dataSource, dataDir, clock, null, null);
    }

    /**
     * @param masterKey null for plaintext records and blobs
     * @param retention null to assign no retention
     */
    public ArchiveFixture(DataSource dataSource, Path dataDir, Clock clock, MasterKey masterKey, RetentionSchedule retention) {
        this.dataSource = dataSource;
        this.dataDir = dataDir;
        this.keys = masterKey == null ? null : new DataKeys(dataSource, masterKey, clock);
        if (keys != null) {
            keys.checkMasterKey();
        }
        this.packs = new RecordPacks(dataDir.resolve("records"), 64L * 1024 * 1024);
        this.blobs = new FileBlobStore(dataDir.resolve("blobs"), keys);
        this.store = new JdbcArchiveStore(dataSource, packs, new Ledger(clock), blobs, clock, keys, retention);
        this.audit = new AuditLog(dataSource, clock);
        this.verifier = new ArchiveVerifier(dataSource, packs, blobs, keys);
    }

    @Override
    public void close() {
        packs.close();
    }
}
