package org.imarchive.archive.media;

import org.imarchive.archive.model.Channel;
import org.imarchive.archive.support.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code media_fetch} table: every attachment to fetch, its attempts and when to try next. */
final class MediaFetchQueue {

    enum State {
        PENDING, DONE, FAILED;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State fromWireName(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    record Entry(String messageId, String platformMediaId, Channel channel, State state, int attempts, Instant nextAttemptAt,
                 String lastError, String sha256) {
    }

    private static final String COLUMNS = "message_id, platform_media_id, channel, state, attempts, next_attempt_at, last_error, sha256";

    private final DataSource dataSource;

    MediaFetchQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Queues the attachment unless it is already queued (a replay of the ledger queues nothing twice). */
    boolean enqueue(String messageId, String platformMediaId, Channel channel, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            if (find(connection, messageId, platformMediaId).isPresent()) {
                return false;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into media_fetch (message_id, platform_media_id, channel, state, attempts, next_attempt_at, queued_at, updated_at)"
                            + " values (?,?,?,?,0,?,?,?)")) {
                insert.setString(1, messageId);
                insert.setString(2, platformMediaId);
                insert.setString(3, channel.wireName());
                insert.setString(4, State.PENDING.wireName());
                insert.setObject(5, Jdbc.timestamp(now));
                insert.setObject(6, Jdbc.timestamp(now));
                insert.setObject(7, Jdbc.timestamp(now));
                insert.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot queue media of message " + messageId, e);
        }
    }

    /** The pending and failed entries of these channels whose next attempt is due, the longest waiting first. */
    List<Entry> due(Set<Channel> channels, Instant now, int limit) {
        if (channels.isEmpty()) {
            return List.of();
        }
        String placeholders = channels.stream().map(c -> "?").collect(Collectors.joining(","));
        List<Entry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select " + COLUMNS + " from media_fetch where state in ('pending','failed') and next_attempt_at <= ?"
                             + " and channel in (" + placeholders + ") order by next_attempt_at, queued_at fetch first " + limit + " rows only")) {
            select.setObject(1, Jdbc.timestamp(now));
            int index = 2;
            for (Channel channel : channels) {
                select.setString(index++, channel.wireName());
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(entry(rows));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the media queue", e);
        }
        return entries;
    }

    Optional<Entry> find(String messageId, String platformMediaId) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, messageId, platformMediaId);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the media queue", e);
        }
    }

    void done(Entry entry, String sha256, Instant now) {
        update(entry, State.DONE, entry.attempts() + 1, null, null, sha256, now);
    }

    void attemptFailed(Entry entry, State state, Instant nextAttempt, String reason, Instant now) {
        update(entry, state, entry.attempts() + 1, nextAttempt, reason, null, now);
    }

    private void update(Entry entry, State state, int attempts, Instant nextAttempt, String lastError, String sha256, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update media_fetch set state = ?, attempts = ?, next_attempt_at = ?, last_error = ?, sha256 = ?, updated_at = ?"
                             + " where message_id = ? and platform_media_id = ?")) {
            update.setString(1, state.wireName());
            update.setInt(2, attempts);
            update.setObject(3, Jdbc.timestamp(nextAttempt));
            update.setString(4, lastError == null ? null : truncate(lastError));
            update.setString(5, sha256);
            update.setObject(6, Jdbc.timestamp(now));
            update.setString(7, entry.messageId());
            update.setString(8, entry.platformMediaId());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the media queue for message " + entry.messageId(), e);
        }
    }

    private static Optional<Entry> find(Connection connection, String messageId, String platformMediaId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select " + COLUMNS + " from media_fetch where message_id = ? and platform_media_id = ?")) {
            select.setString(1, messageId);
            select.setString(2, platformMediaId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(entry(rows)) : Optional.empty();
            }
        }
    }

    private static Entry entry(ResultSet rows) throws SQLException {
        String channel = rows.getString(3);
        return new Entry(rows.getString(1), rows.getString(2),
                Arrays.stream(Channel.values()).filter(c -> c.wireName().equals(channel)).findFirst().orElseThrow(),
                State.fromWireName(rows.getString(4)), rows.getInt(5), Jdbc.instant(rows, 6), rows.getString(7), rows.getString(8));
    }

    private static String truncate(String text) {
        return text.length() <= 1024 ? text : text.substring(0, 1023) + "…";
    }
}
