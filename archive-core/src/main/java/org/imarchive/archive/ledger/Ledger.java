package org.imarchive.archive.ledger;

import org.imarchive.archive.support.Jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

/**
 * The hash-chained ledger, kept in the metadata database so an entry commits in the same transaction as the record
 * it vouches for. One writer at a time: callers serialize appends (the archive store's committer does).
 */
public final class Ledger {
    private final Clock clock;
    private long lastSerial = -1;
    private String lastHash;

    public Ledger(Clock clock) {
        this.clock = clock;
    }

    /** Appends an entry inside the caller's transaction; {@link #rollback()} must follow if that transaction fails. */
    public LedgerEntry append(Connection connection, String type, String subjectId, String subjectHash) throws SQLException {
        return appendAll(connection, List.of(new Subject(type, subjectId, subjectHash))).get(0);
    }

    /** What a ledger entry vouches for: a subject and its hash. */
    public record Subject(String type, String id, String sha256) {
    }

    /**
     * Appends one entry per subject, in order, as one batch inside the caller's transaction; {@link #rollback()} must
     * follow if that transaction fails.
     */
    public synchronized List<LedgerEntry> appendAll(Connection connection, List<Subject> subjects) throws SQLException {
        if (lastSerial < 0) {
            loadTail(connection);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<LedgerEntry> entries = new java.util.ArrayList<>(subjects.size());
        long serial = lastSerial;
        String previous = lastHash;
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into ledger_entry (serial, recorded_at, entry_type, subject_id, subject_hash, previous_hash, entry_hash) values (?,?,?,?,?,?,?)")) {
            for (Subject subject : subjects) {
                serial++;
                String hash = LedgerEntry.hashOf(serial, now, subject.type(), subject.id(), subject.sha256(), previous);
                insert.setLong(1, serial);
                insert.setObject(2, Jdbc.timestamp(now));
                insert.setString(3, subject.type());
                insert.setString(4, subject.id());
                insert.setString(5, subject.sha256());
                insert.setString(6, previous);
                insert.setString(7, hash);
                insert.addBatch();
                entries.add(new LedgerEntry(serial, now, subject.type(), subject.id(), subject.sha256(), previous, hash));
                previous = hash;
            }
            insert.executeBatch();
        }
        lastSerial = serial;
        lastHash = previous;
        return entries;
    }

    /** Forgets the cached tail, so the next append reads it again from what the database actually committed. */
    public synchronized void rollback() {
        lastSerial = -1;
    }

    private void loadTail(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select serial, entry_hash from ledger_entry order by serial desc fetch first 1 rows only");
             ResultSet rows = query.executeQuery()) {
            if (rows.next()) {
                lastSerial = rows.getLong(1);
                lastHash = rows.getString(2);
            } else {
                lastSerial = 0;
                lastHash = HashChain.GENESIS;
            }
        }
    }

    /** Streams every entry in serial order. */
    public static void forEach(Connection connection, Consumer<LedgerEntry> consumer) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select serial, recorded_at, entry_type, subject_id, subject_hash, previous_hash, entry_hash from ledger_entry order by serial")) {
            query.setFetchSize(1000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(new LedgerEntry(rows.getLong(1), Jdbc.instant(rows, 2), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7)));
                }
            }
        }
    }
}
