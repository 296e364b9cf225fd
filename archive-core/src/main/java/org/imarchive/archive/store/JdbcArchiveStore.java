package org.imarchive.archive.store;

import org.imarchive.archive.crypto.Aead;
import org.imarchive.archive.crypto.DataKeys;
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
public final class JdbcArchiveStore implements ArchiveStore, RetentionCatalog {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(JdbcArchiveStore.class);
    private static final int CHUNK = 500;
    private final DataSource dataSource;
    private final RecordPacks packs;
    private final Ledger ledger;
    private final BlobStore blobs;
    private final java.time.Clock clock;
    private final DataKeys keys;
    private final RetentionSchedule retention;

    /** A store without encryption at rest and without retention (records are kept for ever). */
    public JdbcArchiveStore(DataSource dataSource, RecordPacks packs, Ledger ledger, BlobStore blobs, java.time.Clock clock) {
        this(dataSource, packs, ledger, blobs, clock, null, null);
    }

    /**
     * @param keys      the data keys each message's records are sealed with; null to store records in plaintext
     * @param retention the rules each committed record's retention comes from; null to assign none
     */
    public JdbcArchiveStore(DataSource dataSource, RecordPacks packs, Ledger ledger, BlobStore blobs, java.time.Clock clock,
                            DataKeys keys, RetentionSchedule retention) {
        this.dataSource = dataSource;
        this.packs = packs;
        this.ledger = ledger;
        this.blobs = blobs;
        this.clock = clock;
        this.keys = keys;
        this.retention = retention;
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
                    versionNumberOf(record, message), retentionOf(record, message)));
        }
        if (pending.isEmpty()) {
            return List.of(outcomes);
        }
        writeMessages(connection, messages.values());
        List<PackLocation> locations = packs.append(sealed(connection, pending));
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into archive_record (record_id, natural_key, record_type, message_id, version_number, sha256, pack_name, pack_offset,"
                        + " pack_length, journal_sequence, captured_at, encrypted, retention_class, legal_basis, expires_on, policy_version,"
                        + " policy_hash, matched_rules, retention_kind, business_line, jurisdiction, record_time)"
                        + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
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
                insert.setBoolean(12, keys != null);
                RecordRetention kept = row.retention;
                insert.setString(13, kept == null ? null : kept.retentionClass());
                insert.setString(14, kept == null ? null : kept.legalBasis());
                insert.setObject(15, kept == null ? null : kept.expiresOn());
                insert.setObject(16, kept == null ? null : kept.policyVersion());
                insert.setString(17, kept == null ? null : kept.policyHash());
                insert.setString(18, kept == null ? null : String.join(",", kept.matchedRules()));
                insert.setString(19, kept == null ? null : kept.kind());
                insert.setString(20, kept == null ? null : kept.businessLine());
                insert.setString(21, kept == null ? null : kept.jurisdiction());
                insert.setObject(22, kept == null ? null : Jdbc.timestamp(kept.recordTime()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        writeReferences(connection, pending);
        List<LedgerEntry> entries = ledger.appendAll(connection,
                pending.stream().map(row -> new Ledger.Subject("record", row.record.id(), row.sha256)).toList());
        for (int i = 0; i < pending.size(); i++) {
            PendingRow row = pending.get(i);
            outcomes[row.index] = new CommitOutcome(row.record.id(), row.messageId, row.conversationId, false, entries.get(i).serial());
        }
        return List.of(outcomes);
    }

    /**
     * The batch's pack bytes: the canonical JSON as is, or sealed with its message's data key, bound to the record id
     * (the ledger's hash stays over the canonical JSON, which is what an examiner checks a production against).
     */
    private List<byte[]> sealed(Connection connection, List<PendingRow> pending) throws SQLException {
        if (keys == null) {
            return pending.stream().map(PendingRow::bytes).toList();
        }
        Map<String, byte[]> batchKeys = new java.util.HashMap<>();
        List<byte[]> sealed = new ArrayList<>(pending.size());
        for (PendingRow row : pending) {
            byte[] key = batchKeys.get(row.messageId);
            if (key == null) {
                key = keys.keyForNewContent(connection, row.messageId);
                batchKeys.put(row.messageId, key);
            }
            sealed.add(Aead.seal(key, row.bytes, associatedData(row.record.id())));
        }
        return sealed;
    }

    /** What a record's sealed bytes are bound to: its id, so bytes moved to another record's place do not open there. */
    public static byte[] associatedData(String recordId) {
        return ("record:" + recordId).getBytes(StandardCharsets.UTF_8);
    }

    private RecordRetention retentionOf(ArchiveRecord record, MessageState message) {
        if (retention == null) {
            return null;
        }
        String kind = record instanceof MediaRetrieved ? "attachment" : "message";
        java.time.Instant recordTime = message.sentAt != null ? message.sentAt : record.capturedAt();
        return retention.retentionOf(new RetentionSchedule.Question(record, kind, record.messageKey().platform(),
                record.messageKey().accountId(), recordTime));
    }

    /** Which blobs each record refers to, and who takes part in each new message: what disposition and erasure look up. */
    private static void writeReferences(Connection connection, List<PendingRow> pending) throws SQLException {
        try (PreparedStatement blob = connection.prepareStatement("insert into record_blob (record_id, sha256) values (?,?)");
             PreparedStatement participant = connection.prepareStatement("insert into message_participant (message_id, platform_id) values (?,?)")) {
            for (PendingRow row : pending) {
                for (String sha256 : blobsOf(row.record)) {
                    blob.setString(1, row.record.id());
                    blob.setString(2, sha256);
                    blob.addBatch();
                }
                if (row.record instanceof ArchivedMessage message) {
                    Set<String> ids = new java.util.LinkedHashSet<>();
                    ids.add(message.sender().platformId());
                    message.recipients().forEach(recipient -> ids.add(recipient.platformId()));
                    for (String id : ids) {
                        participant.setString(1, row.messageId);
                        participant.setString(2, id);
                        participant.addBatch();
                    }
                }
            }
            blob.executeBatch();
            participant.executeBatch();
        }
    }

    private static Set<String> blobsOf(ArchiveRecord record) {
        Set<String> hashes = new java.util.LinkedHashSet<>();
        if (record instanceof MediaRetrieved media) {
            hashes.add(media.sha256());
        }
        org.imarchive.archive.model.MessageContent content = record instanceof ArchivedMessage message ? message.content()
                : record instanceof MessageEdit edit ? edit.content() : null;
        if (content != null) {
            content.attachments().stream().map(org.imarchive.archive.model.Attachment::sha256).filter(java.util.Objects::nonNull).forEach(hashes::add);
        }
        return hashes;
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
                    "select message_id, conversation_id, version_count, deleted, original_captured, platform, account_id, platform_message_id,"
                            + " sent_at from message where platform_message_id in (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i).platformMessageId());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        MessageKey key = new MessageKey(Platform.fromWireName(rows.getString(6)), rows.getString(7), rows.getString(8));
                        if (chunk.contains(key)) {
                            MessageState state = MessageState.existing(rows.getString(1), rows.getString(2), rows.getInt(3), rows.getBoolean(4), rows.getBoolean(5));
                            state.sentAt = Jdbc.instant(rows, 9);
                            messages.put(key, state);
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
            message.sentAt = original.sentAt();
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
        java.time.Instant sentAt;
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
                    "select message_id from message where conversation_id = ? and disposed_at is null and (sent_at < ? or (sent_at = ? and message_id < ?))"
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
                    "select message_id from message where conversation_id = ? and disposed_at is null and (sent_at > ? or (sent_at = ? and message_id > ?))"
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
                java.util.Optional.ofNullable(load(connection, id)).ifPresent(messages::add);
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
                    "select message_id from message where conversation_id = ? and disposed_at is null order by sent_at, message_id offset ? rows fetch next ? rows only")) {
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
                java.util.Optional.ofNullable(load(connection, id)).ifPresent(messages::add);
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

    private static final String RETAINED_COLUMNS = "r.record_id, r.sha256, r.message_id, m.conversation_id, m.platform, m.account_id,"
            + " m.sent_at, r.retention_class, r.legal_basis, r.expires_on, r.policy_version, r.policy_hash, r.matched_rules,"
            + " r.retention_kind, r.business_line, r.jurisdiction, r.record_time"
            + " from archive_record r join message m on m.message_id = r.message_id";

    @Override
    public List<RetainedRow> expiredOn(java.time.LocalDate day, int limit) {
        return retained("select " + RETAINED_COLUMNS + " where r.disposed_at is null and r.expires_on <= ?"
                + " order by r.expires_on, r.record_id fetch first " + limit + " rows only", day);
    }

    @Override
    public long keptOn(java.time.LocalDate day) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select count(*) from archive_record where disposed_at is null and (expires_on is null or expires_on > ?)")) {
            select.setObject(1, day);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the records kept on " + day, e);
        }
    }

    @Override
    public List<RetainedRow> records(java.util.Collection<String> recordIds) {
        List<RetainedRow> found = new ArrayList<>();
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(recordIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            found.addAll(retained("select " + RETAINED_COLUMNS + " where r.disposed_at is null and r.record_id in ("
                    + placeholders(chunk.size()) + ") order by r.record_id", chunk.toArray()));
        }
        return found;
    }

    @Override
    public List<RetainedRow> recordsOfParticipants(java.util.Collection<String> platformIds) {
        if (platformIds.isEmpty()) {
            return List.of();
        }
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(platformIds));
        Set<String> seen = new HashSet<>();
        List<RetainedRow> found = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            for (RetainedRow row : retained("select " + RETAINED_COLUMNS + " where r.disposed_at is null and r.message_id in"
                    + " (select message_id from message_participant where platform_id in (" + placeholders(chunk.size()) + "))"
                    + " order by m.sent_at, r.record_id", chunk.toArray())) {
                if (seen.add(row.recordId())) {
                    found.add(row);
                }
            }
        }
        return found;
    }

    @Override
    public Set<String> participantIds() {
        Set<String> ids = new java.util.TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select distinct platform_id from message_participant");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list participants", e);
        }
        return ids;
    }

    @Override
    public void forEachRetained(java.util.function.Consumer<RetainedRow> each) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select " + RETAINED_COLUMNS
                     + " where r.disposed_at is null and r.expires_on is not null order by r.record_id")) {
            select.setFetchSize(1000);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    each.accept(retainedRow(rows, Set.of()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the archive's retentions", e);
        }
    }

    @Override
    public synchronized void extend(List<Extension> extensions) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update = connection.prepareStatement(
                    "update archive_record set retention_class = ?, legal_basis = ?, expires_on = ?, policy_version = ?, policy_hash = ?,"
                            + " matched_rules = ? where record_id = ? and disposed_at is null and expires_on < ?")) {
                for (Extension extension : extensions) {
                    RecordRetention kept = extension.retention();
                    update.setString(1, kept.retentionClass());
                    update.setString(2, kept.legalBasis());
                    update.setObject(3, kept.expiresOn());
                    update.setInt(4, kept.policyVersion());
                    update.setString(5, kept.policyHash());
                    update.setString(6, String.join(",", kept.matchedRules()));
                    update.setString(7, extension.recordId());
                    update.setObject(8, kept.expiresOn());
                    if (update.executeUpdate() != 1) {
                        throw new IllegalArgumentException("record " + extension.recordId() + " is gone or already kept until "
                                + kept.expiresOn() + " or later: a retention is only ever extended");
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot extend " + extensions.size() + " retentions", e);
        }
    }

    @Override
    public synchronized List<Tombstone> dispose(java.util.Collection<String> recordIds, java.time.LocalDate day, DisposalEvidence evidence) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(recordIds));
        finishPendingErasures();
        List<Tombstone> tombstones = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Disposable> records = disposable(connection, ids, day);
                java.time.Instant now = clock.instant();
                try (PreparedStatement mark = connection.prepareStatement("update archive_record set disposed_at = ? where record_id = ?")) {
                    for (Disposable record : records) {
                        mark.setObject(1, Jdbc.timestamp(now));
                        mark.setString(2, record.recordId);
                        mark.addBatch();
                    }
                    mark.executeBatch();
                }
                List<Ledger.Subject> subjects = new ArrayList<>();
                List<String> messageOfSubject = new ArrayList<>();
                records.forEach(record -> {
                    subjects.add(new Ledger.Subject("tombstone", record.recordId, record.sha256));
                    messageOfSubject.add(record.messageId);
                });
                Set<String> emptied = emptiedMessages(connection, records, now);
                for (Disposable record : records) {
                    if (!record.encrypted || !emptied.contains(record.messageId)) {
                        update(connection, "insert into pending_erasure (kind, target, pack_offset, pack_length) values ('pack', ?, ?, ?)",
                                record.location.pack(), record.location.offset(), record.location.length());
                    }
                }
                for (String sha256 : unusedBlobs(connection, ids)) {
                    blobs.destroyKey(connection, sha256);
                    update(connection, "insert into pending_erasure (kind, target) values ('blob', ?)", sha256);
                    update(connection, "delete from attachment_text where sha256 = ?", sha256);
                    subjects.add(new Ledger.Subject("tombstone", sha256, sha256));
                    messageOfSubject.add(null);
                }
                subjects.addAll(evidence.write(connection));
                List<LedgerEntry> entries = ledger.appendAll(connection, subjects);
                connection.commit();
                for (int i = 0; i < messageOfSubject.size(); i++) {
                    LedgerEntry entry = entries.get(i);
                    tombstones.add(new Tombstone(entry.subjectId(), entry.subjectHash(), entry.serial(), messageOfSubject.get(i)));
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                ledger.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("disposal of " + ids.size() + " records failed; nothing was removed", e);
        }
        // after the commit: the records are catalogued as disposed, with their tombstones, before their bytes go
        finishPendingErasures();
        return tombstones;
    }

    /**
     * Erases the files committed disposals left to erase (pack bytes overwritten with zeros, blob files deleted), in
     * the order they were listed, each crossed off once done. Each step can be repeated, so one a crash interrupted
     * is simply done again. A failure stops the run and leaves the rest listed for the next run (every disposal, and
     * start-up, begins with one): the disposal itself has committed and is not undone.
     *
     * @return how many erasures are still listed
     */
    public synchronized int finishPendingErasures() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select erasure_id, kind, target, pack_offset, pack_length from pending_erasure order by erasure_id");
             ResultSet rows = select.executeQuery();
             PreparedStatement done = connection.prepareStatement("delete from pending_erasure where erasure_id = ?")) {
            int left = 0;
            boolean failed = false;
            while (rows.next()) {
                if (failed) {
                    left++;
                    continue;
                }
                String target = rows.getString(3);
                try {
                    if ("blob".equals(rows.getString(2))) {
                        // the same content may have arrived again since the disposal: its file is live once more
                        if (!usedByLiveRecord(connection, target)) {
                            blobs.deleteFile(target);
                        }
                    } else {
                        packs.overwriteWithZeros(new PackLocation(target, rows.getLong(4), rows.getInt(5)));
                    }
                } catch (RuntimeException e) {
                    LOG.warn("A disposed {} in {} is not erased yet; the next disposition run or start-up tries again: {}",
                            rows.getString(2), target, e.getMessage());
                    failed = true;
                    left++;
                    continue;
                }
                done.setLong(1, rows.getLong(1));
                done.executeUpdate();
            }
            return left;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the erasures left by committed disposals", e);
        }
    }

    /** The records to dispose of, each checked to be live and expired on the day; one that is not refuses them all. */
    private static List<Disposable> disposable(Connection connection, List<String> ids, java.time.LocalDate day) throws SQLException {
        Map<String, Disposable> found = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            try (PreparedStatement select = connection.prepareStatement(
                    "select record_id, message_id, sha256, pack_name, pack_offset, pack_length, encrypted, expires_on, disposed_at"
                            + " from archive_record where record_id in (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String recordId = rows.getString(1);
                        java.time.LocalDate expiresOn = rows.getObject(8, java.time.LocalDate.class);
                        if (rows.getObject(9) != null) {
                            throw new RecordNotDisposableException("record " + recordId + " was disposed of already");
                        }
                        if (expiresOn == null || expiresOn.isAfter(day)) {
                            throw new RecordNotDisposableException("record " + recordId + " is under retention "
                                    + (expiresOn == null ? "with no expiry on record" : "until " + expiresOn.minusDays(1)) + ": it cannot be removed on " + day);
                        }
                        found.put(recordId, new Disposable(recordId, rows.getString(2), rows.getString(3),
                                new PackLocation(rows.getString(4), rows.getLong(5), rows.getInt(6)), rows.getBoolean(7)));
                    }
                }
            }
        }
        List<Disposable> records = new ArrayList<>(ids.size());
        for (String id : ids) {
            Disposable record = found.get(id);
            if (record == null) {
                throw new RecordNotDisposableException("record " + id + " is not in the archive");
            }
            records.add(record);
        }
        return records;
    }

    /**
     * The messages the disposal leaves without a live record: their data key is destroyed, their participants
     * forgotten and their row marked, so nothing of them is readable or listed any more.
     */
    private Set<String> emptiedMessages(Connection connection, List<Disposable> records, java.time.Instant now) throws SQLException {
        List<String> messageIds = records.stream().map(Disposable::messageId).distinct().toList();
        Set<String> stillLive = new HashSet<>();
        for (int from = 0; from < messageIds.size(); from += CHUNK) {
            List<String> chunk = messageIds.subList(from, Math.min(messageIds.size(), from + CHUNK));
            try (PreparedStatement live = connection.prepareStatement("select distinct message_id from archive_record where message_id in ("
                    + placeholders(chunk.size()) + ") and disposed_at is null")) {
                for (int i = 0; i < chunk.size(); i++) {
                    live.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = live.executeQuery()) {
                    while (rows.next()) {
                        stillLive.add(rows.getString(1));
                    }
                }
            }
        }
        Set<String> emptied = new java.util.LinkedHashSet<>(messageIds);
        emptied.removeAll(stillLive);
        if (emptied.isEmpty()) {
            return emptied;
        }
        if (keys != null) {
            keys.destroyAll(connection, emptied);
        }
        try (PreparedStatement participants = connection.prepareStatement("delete from message_participant where message_id = ?");
             PreparedStatement message = connection.prepareStatement("update message set disposed_at = ?, sender_name = null where message_id = ?")) {
            for (String messageId : emptied) {
                participants.setString(1, messageId);
                participants.addBatch();
                message.setObject(1, Jdbc.timestamp(now));
                message.setString(2, messageId);
                message.addBatch();
            }
            participants.executeBatch();
            message.executeBatch();
        }
        return emptied;
    }

    private static boolean usedByLiveRecord(Connection connection, String sha256) throws SQLException {
        try (PreparedStatement stillUsed = connection.prepareStatement(
                "select 1 from record_blob b join archive_record r on r.record_id = b.record_id"
                        + " where b.sha256 = ? and r.disposed_at is null fetch first 1 rows only")) {
            stillUsed.setString(1, sha256);
            try (ResultSet rows = stillUsed.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Blobs the disposed records referred to that no live record still refers to. */
    private static List<String> unusedBlobs(Connection connection, List<String> disposedIds) throws SQLException {
        Set<String> candidates = new java.util.TreeSet<>();
        for (int from = 0; from < disposedIds.size(); from += CHUNK) {
            List<String> chunk = disposedIds.subList(from, Math.min(disposedIds.size(), from + CHUNK));
            try (PreparedStatement select = connection.prepareStatement(
                    "select distinct sha256 from record_blob where record_id in (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        candidates.add(rows.getString(1));
                    }
                }
            }
        }
        List<String> unused = new ArrayList<>();
        try (PreparedStatement stillUsed = connection.prepareStatement(
                "select 1 from record_blob b join archive_record r on r.record_id = b.record_id"
                        + " where b.sha256 = ? and r.disposed_at is null fetch first 1 rows only")) {
            for (String sha256 : candidates) {
                stillUsed.setString(1, sha256);
                try (ResultSet rows = stillUsed.executeQuery()) {
                    if (!rows.next()) {
                        unused.add(sha256);
                    }
                }
            }
        }
        return unused;
    }

    private record Disposable(String recordId, String messageId, String sha256, PackLocation location, boolean encrypted) {
    }

    private List<RetainedRow> retained(String sql, Object... args) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            List<RetainedRow> rows = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(retainedRow(result, Set.of()));
                }
            }
            Map<String, Set<String>> participants = participantsOf(connection, rows.stream().map(RetainedRow::messageId).distinct().toList());
            return rows.stream().map(row -> new RetainedRow(row.recordId(), row.sha256(), row.messageId(), row.conversationId(),
                    row.platform(), row.accountId(), row.sentAt(), participants.getOrDefault(row.messageId(), Set.of()), row.retention())).toList();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read records for retention", e);
        }
    }

    private static Map<String, Set<String>> participantsOf(Connection connection, List<String> messageIds) throws SQLException {
        Map<String, Set<String>> participants = new java.util.HashMap<>();
        for (int from = 0; from < messageIds.size(); from += CHUNK) {
            List<String> chunk = messageIds.subList(from, Math.min(messageIds.size(), from + CHUNK));
            try (PreparedStatement select = connection.prepareStatement(
                    "select message_id, platform_id from message_participant where message_id in (" + placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    select.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        participants.computeIfAbsent(rows.getString(1), id -> new HashSet<>()).add(rows.getString(2));
                    }
                }
            }
        }
        return participants;
    }

    private static RetainedRow retainedRow(ResultSet rows, Set<String> participants) throws SQLException {
        java.time.LocalDate expiresOn = rows.getObject(10, java.time.LocalDate.class);
        String matched = rows.getString(13);
        RecordRetention kept = expiresOn == null ? null : new RecordRetention(rows.getString(8), rows.getString(9), expiresOn,
                rows.getInt(11), rows.getString(12), matched == null || matched.isEmpty() ? List.of() : List.of(matched.split(",")),
                rows.getString(14), rows.getString(15), rows.getString(16), Jdbc.instant(rows, 17));
        String platform = rows.getString(5);
        return new RetainedRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                platform == null ? null : Platform.fromWireName(platform), rows.getString(6), Jdbc.instant(rows, 7), participants, kept);
    }

    private StoredMessage load(Connection connection, String messageId) throws SQLException {
        MessageKey key;
        String conversationId;
        boolean quarantined;
        boolean disposed;
        try (PreparedStatement select = connection.prepareStatement(
                "select platform, account_id, platform_message_id, conversation_id, quarantined, disposed_at from message where message_id = ?")) {
            select.setString(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                key = new MessageKey(Platform.fromWireName(rows.getString(1)), rows.getString(2), rows.getString(3));
                conversationId = rows.getString(4);
                quarantined = rows.getBoolean(5);
                disposed = rows.getObject(6) != null;
            }
        }
        List<StoredRecord> records = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select record_id, sha256, version_number, pack_name, pack_offset, pack_length, encrypted from archive_record"
                        + " where message_id = ? and disposed_at is null order by captured_at, record_id")) {
            select.setString(1, messageId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] bytes = packs.read(new PackLocation(rows.getString(4), rows.getLong(5), rows.getInt(6)));
                    if (rows.getBoolean(7)) {
                        bytes = open(messageId, rows.getString(1), bytes);
                    }
                    ArchiveRecord record = CanonicalJson.read(bytes, ArchiveRecord.class);
                    records.add(new StoredRecord(rows.getString(1), rows.getString(2), (Integer) rows.getObject(3), record));
                }
            }
        }
        if (records.isEmpty() && disposed) {
            return null;
        }
        return new StoredMessage(messageId, key, conversationId, quarantined, records);
    }

    private byte[] open(String messageId, String recordId, byte[] sealed) {
        if (keys == null) {
            throw new IllegalStateException("record " + recordId + " is encrypted, and encryption at rest is turned off: set the master key");
        }
        byte[] key = keys.key(messageId).orElseThrow(() -> new IllegalStateException(
                "record " + recordId + " is catalogued as live but its message's data key is destroyed"));
        return Aead.open(key, sealed, associatedData(recordId));
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
                              Integer versionNumber, RecordRetention retention) {
    }
}
