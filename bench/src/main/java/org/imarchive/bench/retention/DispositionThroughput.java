package org.imarchive.bench.retention;

import org.h2.jdbcx.JdbcDataSource;
import org.imarchive.archive.crypto.DataKeys;
import org.imarchive.archive.crypto.MasterKey;
import org.imarchive.archive.ledger.ArchiveVerifier;
import org.imarchive.archive.ledger.Ledger;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.store.ArchiveSchema;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.store.FileBlobStore;
import org.imarchive.archive.store.JdbcArchiveStore;
import org.imarchive.archive.store.RecordPacks;
import org.imarchive.archive.store.RecordRetention;
import org.imarchive.archive.store.RetainedRow;
import org.imarchive.archive.store.RetentionSchedule;
import org.imarchive.archive.support.Ids;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Disposition rate through the real store: records committed with encryption at rest (a data key per message), then
 * disposed of in plan-sized batches (each record re-checked, its message's key destroyed, a tombstone in the ledger),
 * next to the raw baseline for the same records: SQL deletes of their catalogue rows and their bytes zeroed in a pack
 * file, forced once per batch. The archive is verified afterwards (tombstones accepted), untimed.
 */
final class DispositionThroughput {
    private static final int BATCH = 1_000;
    private static final Instant SENT = Instant.parse("2019-01-10T09:00:00Z");
    private static final LocalDate EXPIRES_ON = LocalDate.of(2025, 1, 11);

    private DispositionThroughput() {
    }

    static void run(int count) throws Exception {
        Path dir = Files.createTempDirectory("disposition-bench");
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        JdbcDataSource dataSource = h2(dir.resolve("store"));
        DataKeys keys = new DataKeys(dataSource, MasterKey.generate(), clock);
        keys.checkMasterKey();
        RecordPacks packs = new RecordPacks(dir.resolve("store/records"), 1L << 30);
        FileBlobStore blobs = new FileBlobStore(dir.resolve("store/blobs"), keys);
        RetentionSchedule sixYears = question -> new RecordRetention("finra-4511-6y", "FINRA Rule 4511(b)", EXPIRES_ON, 1, "sha256:bench",
                List.of("finra-4511-6y"), question.kind(), null, null, question.recordTime());
        JdbcArchiveStore store = new JdbcArchiveStore(dataSource, packs, new Ledger(clock), blobs, clock, keys, sixYears);
        Random random = new Random(20261125L);
        for (int from = 0; from < count; from += 500) {
            List<Commit> batch = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 500); i++) {
                batch.add(new Commit(message(i, random), false));
            }
            store.commit(batch, "bench", from + batch.size());
        }
        List<String> ids = store.expiredOn(EXPIRES_ON, count).stream().map(RetainedRow::recordId).toList();
        if (ids.size() != count) {
            throw new IllegalStateException(ids.size() + " records expired, " + count + " committed");
        }
        long started = System.nanoTime();
        for (int from = 0; from < count; from += BATCH) {
            store.dispose(ids.subList(from, Math.min(count, from + BATCH)), EXPIRES_ON);
        }
        double ours = (System.nanoTime() - started) / 1e9;
        var report = new ArchiveVerifier(dataSource, packs, blobs, keys).verify();
        if (!report.intact()) {
            throw new IllegalStateException("verify failed after disposition: " + report.summary());
        }
        packs.close();

        double raw = rawDeletes(dir.resolve("raw"), ids, random);
        System.out.printf("%-40s: %7.3f s  %,12.0f records/s  (%,d records, batches of %,d; afterwards %s)%n",
                "disposition (store: re-check, shred key,", ours, count / ours, count, BATCH, report.summary());
        System.out.printf("%-40s%n", "  tombstone per record, encryption on)");
        System.out.printf("%-40s: %7.3f s  %,12.0f records/s%n", "raw: SQL delete + zero bytes + force", raw, count / raw);
        System.out.printf("%-40s: %7.1f%n", "ratio ours / raw (time)", ours / raw);
    }

    /** The same records as catalogue rows and pack bytes, removed batch by batch with plain SQL and file writes. */
    private static double rawDeletes(Path dir, List<String> ids, Random random) throws SQLException, IOException {
        JdbcDataSource dataSource = h2(dir);
        Path pack = dir.resolve("pack.dat");
        int recordBytes = 700;
        try (Connection connection = dataSource.getConnection();
             FileChannel channel = FileChannel.open(pack, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            try (var create = connection.createStatement()) {
                create.execute("create table raw_record (record_id varchar(36) primary key, pack_offset bigint not null, pack_length integer not null)");
            }
            byte[] bytes = new byte[recordBytes];
            try (PreparedStatement insert = connection.prepareStatement("insert into raw_record values (?,?,?)")) {
                for (int i = 0; i < ids.size(); i++) {
                    random.nextBytes(bytes);
                    channel.write(ByteBuffer.wrap(bytes), (long) i * recordBytes);
                    insert.setString(1, ids.get(i));
                    insert.setLong(2, (long) i * recordBytes);
                    insert.setInt(3, recordBytes);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            channel.force(false);
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            for (int from = 0; from < ids.size(); from += BATCH) {
                int to = Math.min(ids.size(), from + BATCH);
                try (PreparedStatement delete = connection.prepareStatement("delete from raw_record where record_id = ?")) {
                    for (int i = from; i < to; i++) {
                        delete.setString(1, ids.get(i));
                        delete.addBatch();
                    }
                    delete.executeBatch();
                }
                connection.commit();
                for (int i = from; i < to; i++) {
                    channel.write(ByteBuffer.allocate(recordBytes), (long) i * recordBytes);
                }
                channel.force(false);
            }
            return (System.nanoTime() - started) / 1e9;
        }
    }

    private static ArchivedMessage message(int i, Random random) {
        MessageKey key = new MessageKey(Platform.WHATSAPP, "+15550001111", "SM" + String.format("%032d", i));
        Instant sentAt = SENT.plusSeconds(i);
        String customer = "+4477009" + String.format("%05d", random.nextInt(100_000));
        String text = "Please confirm the order for " + (1 + random.nextInt(900)) + " shares of fund " + random.nextInt(50)
                + " at the price we discussed this morning, and send the statement for March.";
        return new ArchivedMessage(Ids.stableId(sentAt, "message|" + key), key, Channel.TWILIO, customer, Direction.INBOUND,
                new Participant(customer, "Client " + i), List.of(Participant.of("+15550001111")), sentAt, sentAt.plusMillis(40),
                MessageContent.text(text), null, null, Provenance.webhook(i + 1L));
    }

    private static JdbcDataSource h2(Path dir) throws IOException {
        Files.createDirectories(dir);
        JdbcDataSource dataSource = new JdbcDataSource();
        // kept open between connections, as the gateway's pool keeps it
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("meta").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        ArchiveSchema.migrate(dataSource);
        return dataSource;
    }
}
