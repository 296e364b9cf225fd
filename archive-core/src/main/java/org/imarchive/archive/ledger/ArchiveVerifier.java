package org.imarchive.archive.ledger;

import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.crypto.Aead;
import org.imarchive.archive.crypto.DataKeys;
import org.imarchive.archive.crypto.UnreadableContentException;
import org.imarchive.archive.crypto.WrongMasterKeyException;
import org.imarchive.archive.store.BlobStore;
import org.imarchive.archive.store.JdbcArchiveStore;
import org.imarchive.archive.store.PackLocation;
import org.imarchive.archive.store.RecordPacks;
import org.imarchive.archive.support.Sha256;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes everything the archive vouches for: the ledger's chain, each committed record's bytes (opened with its
 * data key when sealed) against the hash the ledger holds, each blob's content against its name, and the audit
 * trail's chain. A record or blob that was disposed of must have its tombstone in the ledger, carrying the same hash;
 * one that is gone without one is reported. It streams, so it runs in constant memory over any archive size, and it
 * keeps going after a problem so the report lists them all.
 */
public final class ArchiveVerifier {
    private static final int MAX_PROBLEMS = 1000;

    private final DataSource dataSource;
    private final RecordPacks packs;
    private final BlobStore blobs;
    private final DataKeys keys;

    /** A verifier for an archive without encryption at rest. */
    public ArchiveVerifier(DataSource dataSource, RecordPacks packs, BlobStore blobs) {
        this(dataSource, packs, blobs, null);
    }

    /** @param keys the data keys sealed records open with; null when encryption at rest is off */
    public ArchiveVerifier(DataSource dataSource, RecordPacks packs, BlobStore blobs, DataKeys keys) {
        this.dataSource = dataSource;
        this.packs = packs;
        this.blobs = blobs;
        this.keys = keys;
    }

    public VerificationReport verify() {
        List<VerificationReport.Problem> problems = new ArrayList<>();
        long[] counts = new long[4];
        if (keys != null) {
            try {
                keys.checkMasterKey();
            } catch (WrongMasterKeyException e) {
                problems.add(new VerificationReport.Problem("encryption", "master key", e.getMessage()));
                return new VerificationReport(0, 0, 0, 0, problems);
            }
        }
        try (Connection connection = dataSource.getConnection(); RecordPacks.Reader reader = packs.reader()) {
            verifyLedger(connection, reader, problems, counts);
            verifyRecordsAreInLedger(connection, problems);
            verifyAuditTrail(connection, problems, counts);
        } catch (SQLException e) {
            problems.add(new VerificationReport.Problem("database", "metadata", "cannot be read: " + e.getMessage()));
        }
        return new VerificationReport(counts[0], counts[1], counts[2], counts[3],
                problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
    }

    private void verifyLedger(Connection connection, RecordPacks.Reader reader, List<VerificationReport.Problem> problems, long[] counts) throws SQLException {
        String sql = "select l.serial, l.recorded_at, l.entry_type, l.subject_id, l.subject_hash, l.previous_hash, l.entry_hash,"
                + " r.sha256, r.pack_name, r.pack_offset, r.pack_length, r.encrypted, r.message_id, r.disposed_at, t.subject_hash, t.serial"
                + " from ledger_entry l left join archive_record r on l.entry_type = 'record' and r.record_id = l.subject_id"
                + " left join (select subject_id, min(serial) serial, min(subject_hash) subject_hash from ledger_entry"
                + " where entry_type = 'tombstone' group by subject_id) t on l.entry_type in ('record', 'blob') and t.subject_id = l.subject_id"
                + " order by l.serial";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                long expectedSerial = 1;
                String previousHash = HashChain.GENESIS;
                while (rows.next()) {
                    LedgerEntry entry = new LedgerEntry(rows.getLong(1), org.imarchive.archive.support.Jdbc.instant(rows, 2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7));
                    counts[0]++;
                    String name = "ledger entry " + entry.serial();
                    if (entry.serial() != expectedSerial) {
                        problems.add(new VerificationReport.Problem("ledger", name, "expected serial " + expectedSerial + ": entries are missing"));
                    }
                    if (!entry.previousHash().equals(previousHash)) {
                        problems.add(new VerificationReport.Problem("ledger", name, "does not chain to the entry before it"));
                    }
                    if (!entry.hashMatches()) {
                        problems.add(new VerificationReport.Problem("ledger", name, "its hash does not match its content (entry altered)"));
                    }
                    expectedSerial = entry.serial() + 1;
                    previousHash = entry.entryHash();
                    switch (entry.type()) {
                        case "record" -> {
                            counts[1]++;
                            verifyRecord(entry, rows, reader, problems);
                        }
                        case "blob" -> {
                            counts[2]++;
                            if (tombstoned(entry, rows, problems)) {
                                continue;
                            }
                            if (!blobs.verify(entry.subjectId()) || !entry.subjectId().equals(entry.subjectHash())) {
                                problems.add(new VerificationReport.Problem("blob", "blob " + entry.subjectId(), "missing or its content no longer matches its hash"));
                            }
                        }
                        default -> {
                        }
                    }
                }
            }
        }
    }

    /** True when the subject was disposed of and its tombstone vouches for the same hash: nothing left to check. */
    private static boolean tombstoned(LedgerEntry entry, ResultSet rows, List<VerificationReport.Problem> problems) throws SQLException {
        String tombstoneHash = rows.getString(15);
        if (tombstoneHash == null) {
            return false;
        }
        if (!tombstoneHash.equals(entry.subjectHash())) {
            problems.add(new VerificationReport.Problem(entry.type(), entry.type() + " " + entry.subjectId(), "its tombstone (ledger entry "
                    + rows.getLong(16) + ") carries another hash than ledger entry " + entry.serial()));
        }
        return true;
    }

    private void verifyRecord(LedgerEntry entry, ResultSet rows, RecordPacks.Reader reader, List<VerificationReport.Problem> problems) throws SQLException {
        String storedSha = rows.getString(8);
        String name = "record " + entry.subjectId();
        if (tombstoned(entry, rows, problems)) {
            return;
        }
        if (rows.getObject(14) != null) {
            problems.add(new VerificationReport.Problem("record", name, "is marked disposed of, but no tombstone in the ledger says so"));
            return;
        }
        if (storedSha == null) {
            problems.add(new VerificationReport.Problem("record", name, "is in the ledger (entry " + entry.serial() + ") but no longer in the archive, and no tombstone says why"));
            return;
        }
        if (!storedSha.equals(entry.subjectHash())) {
            problems.add(new VerificationReport.Problem("record", name, "its catalogued hash differs from the ledger's"));
        }
        byte[] bytes = reader.read(new PackLocation(rows.getString(9), rows.getLong(10), rows.getInt(11)));
        if (rows.getBoolean(12)) {
            String recordId = entry.subjectId();
            java.util.Optional<byte[]> key = keys == null ? java.util.Optional.empty() : keys.key(rows.getString(13));
            if (key.isEmpty()) {
                problems.add(new VerificationReport.Problem("record", name, keys == null
                        ? "is encrypted and no master key is configured" : "its data key is destroyed, and no tombstone says why"));
                return;
            }
            try {
                bytes = Aead.open(key.get(), bytes, JdbcArchiveStore.associatedData(recordId));
            } catch (UnreadableContentException e) {
                problems.add(new VerificationReport.Problem("record", name, "its stored bytes do not open with its data key (altered): " + e.getMessage()));
                return;
            }
        }
        if (!Sha256.hex(bytes).equals(entry.subjectHash())) {
            problems.add(new VerificationReport.Problem("record", name, "its stored bytes no longer match the hash in ledger entry " + entry.serial()));
        }
    }

    private void verifyRecordsAreInLedger(Connection connection, List<VerificationReport.Problem> problems) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select r.record_id from archive_record r left join ledger_entry l on l.entry_type = 'record' and l.subject_id = r.record_id"
                        + " where l.serial is null order by r.record_id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                problems.add(new VerificationReport.Problem("record", "record " + rows.getString(1), "has no ledger entry"));
            }
        }
    }

    private void verifyAuditTrail(Connection connection, List<VerificationReport.Problem> problems, long[] counts) throws SQLException {
        long[] expectedSerial = {1};
        String[] previousHash = {HashChain.GENESIS};
        AuditLog.forEach(connection, entry -> {
            counts[3]++;
            String name = "audit entry " + entry.serial();
            if (entry.serial() != expectedSerial[0]) {
                problems.add(new VerificationReport.Problem("audit", name, "expected serial " + expectedSerial[0] + ": entries are missing"));
            }
            if (!entry.previousHash().equals(previousHash[0])) {
                problems.add(new VerificationReport.Problem("audit", name, "does not chain to the entry before it"));
            }
            if (!entry.hashMatches()) {
                problems.add(new VerificationReport.Problem("audit", name, "its hash does not match its content (entry altered)"));
            }
            expectedSerial[0] = entry.serial() + 1;
            previousHash[0] = entry.entryHash();
        });
    }
}
