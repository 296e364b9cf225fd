package org.imarchive.archive.store;

import org.imarchive.archive.ledger.Ledger;
import org.imarchive.archive.ledger.LedgerEntry;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MediaRetrieved;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.support.CanonicalJson;
import org.imarchive.archive.support.Ids;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.archive.support.Sha256;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded archive store: record content in {@link RecordPacks}, metadata and the ledger in a JDBC database
 * (H2 or PostgreSQL, one schema). A batch is written to the packs and forced first, then its metadata, ledger entries
 * and journal checkpoint commit in one transaction; bytes a failed transaction left in a pack are never referenced.
 */
public final class JdbcArchiveStore implements ArchiveStore {
    private static final int CHUNK = 500;
    private final DataSource dataSource;
    private final RecordPacks packs;
    private final Ledger ledger;
    private final BlobStore blobs;
    private final java.time.Clock clock;

    public JdbcArchiveStore(DataSource dataSource, RecordPacks packs, Ledger ledger, BlobStore blobs, java.time.Clock clock) {
        this.dataSource = dataSource;
        this.packs = packs;
        this.ledger = ledger;
        this.blobs = blobs;
        this.clock = clock;
    }

    @Override
    public synchronized String putBlob(java.io.InputStream content, String mediaType) {
        String sha256 = blobs.put(content);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement("select 1 from blob where sha256 = ?")) {
                select.setString(1, sha256);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        connection.rollback();
                        return sha256;
                    }
                }
            }
            try {
                long size;
                try (var in = blobs.open(sha256).orElseThrow()) {
                    size = in.transferTo(java.io.OutputStream.nullOutputStream());
                }
                update(connection, "insert into blob (sha256, size_bytes, media_type, stored_at) values (?,?,?,?)",
                        sha256, size, mediaType, Jdbc.timestamp(clock.instant()));
                ledger.append(connection, "blob", sha256, sha256);
                connection.commit();
            } catch (SQLException | java.io.IOException | RuntimeException e) {
                connection.rollback();
                ledger.rollback();
                throw new IllegalStateException("cannot catalogue blob " + sha256, e);
            }
            return sha256;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot catalogue blob " + sha256, e);
        }
    }

    @Override
    public synchronized List<CommitOutcome> commit(List<Commit> batch, String consumer, long journalSequence) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<CommitOutcome> outcomes = commit(connection, batch);
                saveCheckpoint(connection, consumer, journalSequence);
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                ledger.rollback();
                knownConversations.clear();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("commit of " + batch.size() + " records failed", e);
        }
    }

    private List<CommitOutcome> commit(Connection connection, List<Commit> batch) throws SQLException {
        CommitOutcome[] outcomes = new CommitOutcome[batch.size()];
        Set<String> alreadyHeld = heldNaturalKeys(connection, batch.stream().map(commit -> commit.record().naturalKey()).distinct().toList());
        Map<MessageKey, MessageState> messages = loadMessages(connection, batch);
        Set<String> naturalKeysInBatch = new HashSet<>();
        List<PendingRow> pending = new ArrayList<>();
        for (int index = 0; index < batch.size(); index++) {
            Commit commit = batch.get(index);
            ArchiveRecord record = commit.record();
            String naturalKey = record.naturalKey();
            if (alreadyHeld.contains(naturalKey) || !naturalKeysInBatch.add(naturalKey)) {
                MessageState known = messages.get(record.messageKey());
                outcomes[index] = new CommitOutcome(record.id(), known == null ? null : known.messageId,
                        known == null ? null : known.conversationId, true, null);
                continue;
            }
            MessageState message = apply(connection, messages, commit);
            byte[] bytes = CanonicalJson.bytes(record);
            pending.add(new PendingRow(index, record, message.messageId, message.conversationId, bytes, Sha256.hex(bytes),
                    versionNumberOf(record, message)));
        }
        if (pending.isEmpty()) {
            return List.of(outcomes);
        }
        writeMessages(connection, messages.values());
        List<PackLocation> locations = packs.append(pending.stream().map(PendingRow::bytes).toList());
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into archive_record (record_id, natural_key, record_type, message_id, version_number, sha256, pack_name, pack_offset,"
                        + " pack_length, journal_sequence, captured_at) values (?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < pending.size(); i++) {
                PendingRow row = pending.get(i);
                PackLocation location = locations.get(i);
                insert.setString(1, row.record.id());
                insert.setString(2, row.record.naturalKey());
                insert.setString(3, typeOf(row.record));
                insert.setString(4, row.messageId);
                insert.setObject(5, row.versionNumber);
                insert.setString(6, row.sha256);
                insert.setString(7, location.pack());
                insert.setLong(8, location.offset());
                insert.setInt(9, location.length());
                insert.setLong(10, row.record.provenance().journalSequence());
                insert.setObject(11, Jdbc.timestamp(row.record.capturedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<LedgerEntry> entries = ledger.appendAll(connection,
                pending.stream().map(row -> new Ledger.Subject("record", row.record.id(), row.sha256)).toList());
        for (int i = 0; i < pending.size(); i++) {
            PendingRow row = pending.get(i);
            outcomes[row.index] = new CommitOutcome(row.record.id(), row.messageId, row.conversationId, false, entries.get(i).serial());
        }
        return List.of(outcomes);
    }

    @Override
    public Set<String> heldNaturalKeys(java.util.Collection<String> naturalKeys) {
        try (Connection connection = dataSource.getConnection()) {
            return heldNaturalKeys(connection, List.copyOf(new java.util.LinkedHashSet<>(naturalKeys)));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up natural keys", e);
        }
    }

    /** Which of these facts the archive already holds, in one query per few hundred keys. */
    private static Set<String> heldNaturalKeys(Connection connection, List<String> keys) throws SQLException {
        Set<String> held = new HashSet<>();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            try (PreparedStatement select = connection.prepareStatement(
                    "select natural_key from archive_record where natural_key in (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        held.add(rows.getString(1));
                    }
                }
            }
        }
        return held;
    }

    /** The message rows the batch touches that already exist, in one query per few hundred keys. */
    private static Map<MessageKey, MessageState> loadMessages(Connection connection, List<Commit> batch) throws SQLException {
        Map<MessageKey, MessageState> messages = new java.util.LinkedHashMap<>();
        List<MessageKey> keys = batch.stream().map(commit -> commit.record().messageKey()).distinct().toList();
        for (int from = 0; from < keys.size(); from += CHUNK) {
            List<MessageKey> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            try (PreparedStatement select = connection.prepareStatement(
                    "select message_id, conversation_id, version_count, deleted, original_captured, platform, account_id, platform_message_id"
                            + " from message where platform_message_id in (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i).platformMessageId());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        MessageKey key = new MessageKey(Platform.fromWireName(rows.getString(6)), rows.getString(7), rows.getString(8));
                        if (chunk.contains(key)) {
                            messages.put(key, MessageState.existing(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getBoolean(4), rows.getBoolean(5)));
                        }
                    }
                }
            }
        }
        return messages;
    }

    /** Applies what the record says about its message to the batch's view of that message. */
    private MessageState apply(Connection connection, Map<MessageKey, MessageState> messages, Commit commit) throws SQLException {
        ArchiveRecord record = commit.record();
        MessageState message = messages.get(record.messageKey());
        if (record instanceof ArchivedMessage original) {
            String conversationId = upsertConversation(connection, original);
            if (message == null) {
                message = MessageState.created(original.id(), record);
                messages.put(record.messageKey(), message);
            }
            message.original = original;
            message.conversationId = conversationId;
            message.quarantined |= commit.quarantined();
            message.changed = true;
            return message;
        }
        if (message == null) {
            message = MessageState.created(Ids.stableId(record.capturedAt(), "message|" + record.messageKey()), record);
            message.quarantined = commit.quarantined();
            messages.put(record.messageKey(), message);
        }
        if (record instanceof MessageEdit) {
            message.versionCount++;
            message.changed = true;
        } else if (record instanceof MessageDeletion) {
            message.deleted = true;
            message.changed = true;
        }
        return message;
    }

    private static Integer versionNumberOf(ArchiveRecord record, MessageState message) {
        if (record instanceof ArchivedMessage) {
            return 1;
        }
        if (record instanceof MessageEdit) {
            return message.versionCount;
        }
        return null;
    }

    /** Inserts the batch's new message rows and updates the changed ones, each as one JDBC batch. */
    private static void writeMessages(Connection connection, java.util.Collection<MessageState> messages) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into message (message_id, platform, account_id, platform_message_id, channel, conversation_id, direction, sender_id,"
                        + " sender_name, sent_at, captured_at, version_count, deleted, quarantined, original_captured)"
                        + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement update = connection.prepareStatement(
                     "update message set channel = coalesce(?, channel), conversation_id = coalesce(?, conversation_id),"
                             + " direction = coalesce(?, direction), sender_id = coalesce(?, sender_id), sender_name = coalesce(?, sender_name),"
                             + " sent_at = coalesce(?, sent_at), version_count = ?, deleted = ?, quarantined = (quarantined or ?),"
                             + " original_captured = (original_captured or ?) where message_id = ?")) {
            for (MessageState message : messages) {
                if (message.isNew) {
                    ArchivedMessage original = message.original;
                    insert.setString(1, message.messageId);
                    insert.setString(2, message.key.platform().wireName());
                    insert.setString(3, message.key.accountId());
                    insert.setString(4, message.key.platformMessageId());
                    insert.setString(5, original == null ? null : original.channel().wireName());
                    insert.setString(6, message.conversationId);
                    insert.setString(7, original == null ? null : original.direction().wireName());
                    insert.setString(8, original == null ? null : original.sender().platformId());
                    insert.setString(9, original == null ? null : original.sender().displayName());
                    insert.setObject(10, original == null ? null : Jdbc.timestamp(original.sentAt()));
                    insert.setObject(11, Jdbc.timestamp(message.firstCapturedAt));
                    insert.setInt(12, message.versionCount);
                    insert.setBoolean(13, message.deleted);
                    insert.setBoolean(14, message.quarantined);
                    insert.setBoolean(15, original != null);
                    insert.addBatch();
                } else if (message.changed) {
                    ArchivedMessage original = message.original;
                    update.setString(1, original == null ? null : original.channel().wireName());
                    update.setString(2, message.conversationId);
                    update.setString(3, original == null ? null : original.direction().wireName());
                    update.setString(4, original == null ? null : original.sender().platformId());
                    update.setString(5, original == null ? null : original.sender().displayName());
                    update.setObject(6, original == null ? null : Jdbc.timestamp(original.sentAt()));
                    update.setInt(7, message.versionCount);
                    update.setBoolean(8, message.deleted);
                    update.setBoolean(9, message.quarantined);
                    update.setBoolean(10, original != null);
                    update.setString(11, message.messageId);
                    update.addBatch();
                }
            }
            insert.executeBatch();
            update.executeBatch();
        }
    }

    private static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /** A message row as the batch sees it: loaded or created, then changed by the batch's records. */
    private static final class MessageState {
        final String messageId;
        final boolean isNew;
        MessageKey key;
        java.time.Instant firstCapturedAt;
        String conversationId;
        int versionCount;
        boolean deleted;
        boolean quarantined;
        boolean changed;
        ArchivedMessage original;

        private MessageState(String messageId, boolean isNew) {
            this.messageId = messageId;
            this.isNew = isNew;
        }

        static MessageState existing(String messageId, String conversationId, int versionCount, boolean deleted, boolean originalCaptured) {
            MessageState state = new MessageState(messageId, false);
            state.conversationId = conversationId;
            state.versionCount = versionCount;
            state.deleted = deleted;
            return state;
        }

        static MessageState created(String messageId, ArchiveRecord first) {
            MessageState state = new MessageState(messageId, true);
            state.key = first.messageKey();
            state.firstCapturedAt = first.capturedAt();
            state.versionCount = 1;
            return state;
        }
    }

    /** Our conversation id is derived from the platform's, so every replay and every adapter agrees on it. */
    public static String conversationIdOf(Platform platform, String accountId, String platformConversationId) {
        String name = platform.wireName() + "|" + accountId + "|" + platformConversationId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private String upsertConversation(Connection connection, ArchivedMessage message) throws SQLException {
        String id = conversationIdOf(message.platform(), message.messageKey().accountId(), message.platformConversationId());
        if (knownConversations.contains(id)) {
            return id;
        }
        try (PreparedStatement select = connection.prepareStatement("select 1 from conversation where conversation_id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                if (rows.next()) {
                    knownConversations.add(id);
                    return id;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into conversation (conversation_id, platform, account_id, platform_conversation_id, first_seen_at) values (?,?,?,?,?)")) {
            insert.setString(1, id);
            insert.setString(2, message.platform().wireName());
            insert.setString(3, message.messageKey().accountId());
            insert.setString(4, message.platformConversationId());
            insert.setObject(5, Jdbc.timestamp(message.capturedAt()));
            insert.executeUpdate();
        }
        return id;
    }

    /** Conversation ids known to be in the database; most messages belong to a conversation seen before. */
    private final Set<String> knownConversations = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 100_000;
        }
    });

    private static void update(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                update.setObject(i + 1, args[i]);
            }
            update.executeUpdate();
        }
    }

    private static void saveCheckpoint(Connection connection, String consumer, long sequence) throws SQLException {
        int updated;
        try (PreparedStatement update = connection.prepareStatement(
                "update journal_checkpoint set sequence = ? where consumer = ? and sequence < ?")) {
            update.setLong(1, sequence);
            update.setString(2, consumer);
            update.setLong(3, sequence);
            updated = update.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from journal_checkpoint where consumer = ?")) {
                exists.setString(1, consumer);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("insert into journal_checkpoint (consumer, sequence) values (?,?)")) {
                insert.setString(1, consumer);
                insert.setLong(2, sequence);
                insert.executeUpdate();
            }
        }
    }

    @Override
    public long checkpoint(String consumer) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select sequence from journal_checkpoint where consumer = ?")) {
            select.setString(1, consumer);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the journal checkpoint", e);
        }
    }

    @Override
    public synchronized long vouchFor(String type, String subjectId, String sha256) {
        if (!Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("not a SHA-256 in lower-case hex: " + sha256);
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long serial = ledger.append(connection, type, subjectId, sha256).serial();
                connection.commit();
                return serial;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                ledger.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot enter " + type + " " + subjectId + " in the ledger", e);
        }
    }

    @Override
    public void saveCheckpoint(String consumer, long position) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            update(connection, "delete from journal_checkpoint where consumer = ?", consumer);
            update(connection, "insert into journal_checkpoint (consumer, sequence) values (?,?)", consumer, position);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the checkpoint of " + consumer, e);
        }
    }

    @Override
    public long lastLedgerSerial() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select coalesce(max(serial), 0) from ledger_entry");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ledger head", e);
        }
    }

    @Override
    public List<Change> changesAfter(long afterSerial, int limit) {
        List<Change> changes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select l.serial, r.message_id from ledger_entry l join archive_record r on r.record_id = l.subject_id"
                             + " where l.entry_type = 'record' and l.serial > ? order by l.serial fetch first " + limit + " rows only")) {
            select.setLong(1, afterSerial);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    changes.add(new Change(rows.getLong(1), rows.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the changes after ledger entry " + afterSerial, e);
        }
        return changes;
    }

    @Override
    public List<StoredMessage> conversationAround(String messageId, int before, int after) {
        try (Connection connection = dataSource.getConnection()) {
            String conversationId;
            java.time.Instant sentAt;
            try (PreparedStatement select = connection.prepareStatement("select conversation_id, sent_at from message where message_id = ?")) {
                select.setString(1, messageId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next() || rows.getString(1) == null) {
                        return List.of();
                    }
                    conversationId = rows.getString(1);
                    sentAt = Jdbc.instant(rows, 2);
                }
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement earlier = connection.prepareStatement(
                    "select message_id from message where conversation_id = ? and (sent_at < ? or (sent_at = ? and message_id < ?))"
                            + " order by sent_at desc, message_id desc fetch first " + before + " rows only")) {
                earlier.setString(1, conversationId);
                earlier.setObject(2, Jdbc.timestamp(sentAt));
                earlier.setObject(3, Jdbc.timestamp(sentAt));
                earlier.setString(4, messageId);
                try (ResultSet rows = earlier.executeQuery()) {
                    while (rows.next()) {
                        ids.add(0, rows.getString(1));
                    }
                }
            }
            ids.add(messageId);
            try (PreparedStatement later = connection.prepareStatement(
                    "select message_id from message where conversation_id = ? and (sent_at > ? or (sent_at = ? and message_id > ?))"
                            + " order by sent_at, message_id fetch first " + after + " rows only")) {
                later.setString(1, conversationId);
                later.setObject(2, Jdbc.timestamp(sentAt));
                later.setObject(3, Jdbc.timestamp(sentAt));
                later.setString(4, messageId);
                try (ResultSet rows = later.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            List<StoredMessage> messages = new ArrayList<>(ids.size());
            for (String id : ids) {
                messages.add(load(connection, id));
            }
            return messages;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the conversation around " + messageId, e);
        }
    }

    @Override
    public void recordCaptureFailure(long journalSequence, String source, String reason) {
        try (Connection connection = dataSource.getConnection()) {
            update(connection, "delete from capture_failure where journal_sequence = ?", journalSequence);
            update(connection, "insert into capture_failure (journal_sequence, source, reason, failed_at) values (?,?,?,?)",
                    journalSequence, source, reason, Jdbc.timestamp(clock.instant()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a capture failure", e);
        }
    }

    @Override
    public Optional<StoredMessage> message(String messageId) {
        try (Connection connection = dataSource.getConnection()) {
            return Optional.ofNullable(load(connection, messageId));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read message " + messageId, e);
        }
    }

    @Override
    public List<StoredMessage> conversation(String conversationId, int offset, int limit) {
        List<StoredMessage> messages = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "select message_id from message where conversation_id = ? order by sent_at, message_id offset ? rows fetch next ? rows only")) {
                select.setString(1, conversationId);
                select.setInt(2, offset);
                select.setInt(3, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
            for (String id : ids) {
                messages.add(load(connection, id));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read conversation " + conversationId, e);
        }
        return messages;
    }

    @Override
    public long messageCount() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select count(*) from message");
             ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count messages", e);
        }
    }

    private StoredMessage load(Connection connection, String messageId) throws SQLException {
        MessageKey key;
        String conversationId;
        boolean quarantined;
        try (PreparedStatement select = connection.prepareStatement(
                "select platform, account_id, platform_message_id, conversation_id, quarantined from message where message_id = ?")) {
            select.setString(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                key = new MessageKey(Platform.fromWireName(rows.getString(1)), rows.getString(2), rows.getString(3));
                conversationId = rows.getString(4);
                quarantined = rows.getBoolean(5);
            }
        }
        List<StoredRecord> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select record_id, sha256, version_number, pack_name, pack_offset, pack_length from archive_record"
                        + " where message_id = ? order by captured_at, record_id")) {
            select.setString(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] bytes = packs.read(new PackLocation(rows.getString(4), rows.getLong(5), rows.getInt(6)));
                    ArchiveRecord record = CanonicalJson.read(bytes, ArchiveRecord.class);
                    records.add(new StoredRecord(rows.getString(1), rows.getString(2), (Integer) rows.getObject(3), record));
                }
            }
        }
        return new StoredMessage(messageId, key, conversationId, quarantined, records);
    }

    private static String typeOf(ArchiveRecord record) {
        if (record instanceof ArchivedMessage) {
            return "message";
        }
        if (record instanceof MessageEdit) {
            return "edit";
        }
        if (record instanceof MessageDeletion) {
            return "deletion";
        }
        if (record instanceof DeliveryEvent) {
            return "delivery";
        }
        if (record instanceof MediaRetrieved) {
            return "media";
        }
        throw new IllegalArgumentException("unknown record type " + record.getClass());
    }

    private record PendingRow(int index, ArchiveRecord record, String messageId, String conversationId, byte[] bytes, String sha256,
                              Integer versionNumber) {
    }
}
