package org.imarchive.archive.media;

import org.imarchive.archive.indexing.ReindexRequests;
import org.imarchive.archive.support.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code attachment_text} table, one extraction outcome per blob, and the {@code reindex_request} queue through
 * which new text reaches the search index. The indexer reads text here by blob hash; a message is asked to be
 * reindexed once its attachments' text is recorded.
 */
public final class AttachmentTexts implements ReindexRequests {
    private final DataSource dataSource;

    public AttachmentTexts(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The searchable text of a blob: empty when none was extracted (yet, or ever). */
    public Optional<String> textOf(String sha256) {
        return outcomeOf(sha256).filter(outcome -> outcome.status() == ExtractedText.Status.EXTRACTED && !outcome.text().isEmpty())
                .map(ExtractedText::text);
    }

    public Optional<ExtractedText> outcomeOf(String sha256) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select status, detected_type, content, truncated, reason from attachment_text where sha256 = ?")) {
            select.setString(1, sha256);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ExtractedText(ExtractedText.Status.fromWireName(rows.getString(1)), rows.getString(2),
                        rows.getString(3), rows.getBoolean(4), rows.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the text of blob " + sha256, e);
        }
    }

    /** Records what extraction made of the blob; a blob already recorded keeps its first outcome. */
    public void record(String sha256, ExtractedText outcome, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement exists = connection.prepareStatement("select 1 from attachment_text where sha256 = ?")) {
                exists.setString(1, sha256);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        connection.rollback();
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into attachment_text (sha256, status, detected_type, content, truncated, reason, extracted_at) values (?,?,?,?,?,?,?)")) {
                insert.setString(1, sha256);
                insert.setString(2, outcome.status().wireName());
                insert.setString(3, truncate(outcome.detectedType(), 255));
                // PostgreSQL text cannot hold NUL, which some documents' text contains
                insert.setString(4, outcome.text().replace("\u0000", ""));
                insert.setBoolean(5, outcome.truncated());
                insert.setString(6, truncate(outcome.reason(), 1024));
                insert.setObject(7, Jdbc.timestamp(now));
                insert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the text of blob " + sha256, e);
        }
    }

    public void requestReindex(String messageId, Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into reindex_request (message_id, requested_at) values (?,?)")) {
            insert.setString(1, messageId);
            insert.setObject(2, Jdbc.timestamp(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot request the reindexing of message " + messageId, e);
        }
    }

    @Override
    public List<Request> oldest(int limit) {
        List<Request> requests = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select request_id, message_id from reindex_request order by request_id fetch first " + limit + " rows only");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                requests.add(new Request(rows.getLong(1), rows.getString(2)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the reindex requests", e);
        }
        return requests;
    }

    @Override
    public void removeUpTo(long requestId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("delete from reindex_request where request_id <= ?")) {
            delete.setLong(1, requestId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove the reindex requests", e);
        }
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
