package org.imarchive.archive.audit;

import org.imarchive.archive.ledger.HashChain;
import org.imarchive.archive.support.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained audit trail in the metadata database. Appends are serialized so the chain has one
 * order; an append that cannot be written fails loudly, because an action that cannot be audited must not proceed.
 */
public final class AuditLog {
    private final DataSource dataSource;
    private final Clock clock;
    private long lastSerial = -1;
    private String lastHash;

    public AuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public synchronized AuditEntry record(AuditEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            if (lastSerial < 0) {
                loadTail(connection);
            }
            long serial = lastSerial + 1;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            String hash = AuditEntry.hashOf(serial, now, event, lastHash);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_entry (serial, occurred_at, actor, action, target, outcome, remote_address, details, previous_hash, entry_hash)"
                            + " values (?,?,?,?,?,?,?,?,?,?)")) {
                insert.setLong(1, serial);
                insert.setObject(2, Jdbc.timestamp(now));
                insert.setString(3, event.actor());
                insert.setString(4, event.action());
                insert.setString(5, event.target());
                insert.setString(6, event.outcome().name());
                insert.setString(7, event.remoteAddress());
                insert.setString(8, event.details());
                insert.setString(9, lastHash);
                insert.setString(10, hash);
                insert.executeUpdate();
            }
            AuditEntry entry = new AuditEntry(serial, now, event.actor(), event.action(), event.target(), event.outcome(),
                    event.remoteAddress(), event.details(), lastHash, hash);
            lastSerial = serial;
            lastHash = hash;
            return entry;
        } catch (SQLException e) {
            lastSerial = -1;
            throw new IllegalStateException("the audit trail could not be written", e);
        }
    }

    public List<AuditEntry> page(AuditQuery query) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_entry where 1=1");
        List<Object> args = new ArrayList<>();
        if (query.actor() != null) {
            sql.append(" and actor = ?");
            args.add(query.actor());
        }
        if (query.action() != null) {
            sql.append(" and action = ?");
            args.add(query.action());
        }
        if (query.from() != null) {
            sql.append(" and occurred_at >= ?");
            args.add(Jdbc.timestamp(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and occurred_at < ?");
            args.add(Jdbc.timestamp(query.to()));
        }
        if (query.beforeSerial() != null) {
            sql.append(" and serial < ?");
            args.add(query.beforeSerial());
        }
        sql.append(" order by serial desc fetch first ").append(query.size()).append(" rows only");
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(read(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit trail could not be read", e);
        }
        return entries;
    }

    /** Streams the whole trail in serial order, for verification. */
    public static void forEach(Connection connection, Consumer<AuditEntry> consumer) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + COLUMNS + " from audit_entry order by serial")) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(read(rows));
                }
            }
        }
    }

    private static final String COLUMNS = "serial, occurred_at, actor, action, target, outcome, remote_address, details, previous_hash, entry_hash";

    private static AuditEntry read(ResultSet rows) throws SQLException {
        return new AuditEntry(rows.getLong(1), Jdbc.instant(rows, 2), rows.getString(3), rows.getString(4), rows.getString(5),
                AuditEvent.Outcome.valueOf(rows.getString(6)), rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10));
    }

    private void loadTail(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "select serial, entry_hash from audit_entry order by serial desc fetch first 1 rows only");
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
}
