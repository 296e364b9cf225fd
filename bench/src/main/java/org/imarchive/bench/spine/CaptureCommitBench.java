package org.imarchive.bench.spine;

import org.h2.jdbcx.JdbcDataSource;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.capture.FileCaptureJournal;
import org.imarchive.archive.crypto.DataKeys;
import org.imarchive.archive.crypto.MasterKey;
import org.imarchive.archive.ledger.ArchiveVerifier;
import org.imarchive.archive.ledger.Ledger;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.pipeline.PipelineListener;
import org.imarchive.archive.store.ArchiveSchema;
import org.imarchive.archive.store.FileBlobStore;
import org.imarchive.archive.store.JdbcArchiveStore;
import org.imarchive.archive.store.RecordPacks;
import org.imarchive.archive.store.RecordRetention;
import org.imarchive.archive.store.RetentionSchedule;
import org.imarchive.connectors.twilio.TwilioNormalizer;
import org.imarchive.retention.policy.RecordType;
import org.imarchive.retention.policy.RetentionAssignment;
import org.imarchive.retention.policy.RetentionPolicyLoader;
import org.imarchive.retention.policy.RetentionPolicySet;
import org.imarchive.retention.policy.RetentionSubject;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Capture-and-commit throughput of the whole spine (journal with group commit, then normalize, commit to record packs,
 * H2 metadata and the ledger) for N Twilio webhook bodies from concurrent producers, printed next to the raw rate of
 * appending the same bytes to one file with an fsync after each append, on the same disk, in the same run. The spine
 * runs twice on fresh directories: as before encryption at rest (plaintext packs, no retention), then as the gateway
 * runs by default (records sealed with per-message data keys, retention assigned from config/retention.yml), so the
 * cost of encryption and retention at commit is read off one run.
 *
 * <p>Run: {@code mvn -q -pl bench -am package -DskipTests && java -cp "bench/target/classes:$(cat bench/target/classpath)"
 * org.imarchive.bench.spine.CaptureCommitBench [messages] [producers] [dir]}, or {@code bench/run capture-commit}.
 */
public final class CaptureCommitBench {

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int producers = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        Path dir = Files.createTempDirectory(args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir")), "capture-commit-bench");
        List<byte[]> bodies = bodies(messages);
        double averageBytes = bodies.stream().mapToInt(b -> b.length).average().orElse(0);
        System.out.printf("capture-and-commit benchmark: %,d Twilio webhook bodies (avg %.0f bytes), %d producers, dir %s%n",
                messages, averageBytes, producers, dir);

        RawResult raw = rawAppendsWithFsync(dir.resolve("raw.log"), bodies);
        System.out.printf("raw   append+fsync per message (1 thread):   %,10.0f msg/s  (%,d appends in %.2f s)%n",
                raw.rate(), raw.count, raw.seconds);

        double plain = captureAndCommit(dir.resolve("archive-plain"), bodies, producers, false);
        System.out.printf("ours  capture+commit, plaintext, no retention %,10.0f msg/s  (%,d messages committed, verified)%n", plain, messages);
        double ours = captureAndCommit(dir.resolve("archive"), bodies, producers, true);
        System.out.printf("ours  capture+commit, encrypted + retention   %,10.0f msg/s  (%,d messages committed, verified)%n", ours, messages);
        System.out.printf("      (journal group commit, normalize, packs, H2, ledger; the second as the gateway runs by default)%n");
        System.out.printf("encryption + retention at commit: %.2f x the plaintext rate%n", ours / plain);
        System.out.printf("ratio ours / raw = %.2f  (target >= 0.5)%n", ours / raw.rate());
    }

    record RawResult(int count, double seconds) {
        double rate() {
            return count / seconds;
        }
    }

    /** The raw rate: the same bytes, one write and one force per message, as a naive durable logger would do. */
    static RawResult rawAppendsWithFsync(Path file, List<byte[]> bodies) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            long started = System.nanoTime();
            for (byte[] body : bodies) {
                ByteBuffer buffer = ByteBuffer.wrap(body);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
            return new RawResult(bodies.size(), (System.nanoTime() - started) / 1e9);
        }
    }

    static double captureAndCommit(Path dir, List<byte[]> bodies, int producers, boolean encryptedWithRetention) throws Exception {
        Files.createDirectories(dir);
        // the gateway keeps connections in a pool; without one, H2 would close (and compact) the database after each commit
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("meta/archive").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        ArchiveSchema.migrate(dataSource);
        Clock clock = Clock.systemUTC();
        RecordPacks packs = new RecordPacks(dir.resolve("records"), 1L << 30);
        DataKeys keys = null;
        RetentionSchedule retention = null;
        if (encryptedWithRetention) {
            keys = new DataKeys(dataSource, MasterKey.generate(), clock);
            keys.checkMasterKey();
            RetentionPolicySet policy = RetentionPolicyLoader.load(Path.of("config/retention.yml"));
            retention = question -> {
                RetentionAssignment assigned = policy.assign(new RetentionSubject(RecordType.MESSAGE, question.platform(), question.accountId(),
                        null, null, question.recordTime()));
                return new RecordRetention(assigned.retentionClass(), assigned.legalBasis(), assigned.expiresOn(), assigned.policyVersion(),
                        assigned.policyHash(), assigned.matchedRules(), question.kind(), null, null, question.recordTime());
            };
        }
        FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"), keys);
        JdbcArchiveStore store = new JdbcArchiveStore(dataSource, packs, new Ledger(clock), blobs, clock, keys, retention);
        try (FileCaptureJournal journal = FileCaptureJournal.open(dir.resolve("journal"));
             ArchivePipeline pipeline = new ArchivePipeline(journal, store, List.of(new TwilioNormalizer()), account -> true,
                     List.of(), PipelineListener.NONE, 500)) {
            pipeline.start();
            ExecutorService pool = Executors.newFixedThreadPool(producers);
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            for (int p = 0; p < producers; p++) {
                pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < bodies.size(); ) {
                        pipeline.capture(CapturedPayload.of(TwilioNormalizer.INBOUND_SOURCE, Instant.now(),
                                Map.of("Content-Type", "application/x-www-form-urlencoded"), bodies.get(i)));
                    }
                });
            }
            pool.shutdown();
            if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the producers did not finish");
            }
            double captured = (System.nanoTime() - started) / 1e9;
            if (!pipeline.awaitCommitted(bodies.size(), Duration.ofMinutes(30))) {
                throw new IllegalStateException("the committer did not finish");
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("      (all acknowledged, i.e. durable in the journal, after %.2f s: %,.0f msg/s; all committed after %.2f s)%n",
                    captured, bodies.size() / captured, seconds);
            long stored = store.messageCount();
            if (stored != bodies.size()) {
                throw new IllegalStateException("committed " + stored + " messages, expected " + bodies.size());
            }
            long verifyStarted = System.nanoTime();
            var report = new ArchiveVerifier(dataSource, packs, blobs, keys).verify();
            if (!report.intact()) {
                throw new IllegalStateException("verify failed after the benchmark: " + report.summary());
            }
            System.out.printf("      (verify afterwards: %s in %.1f s)%n", report.summary(), (System.nanoTime() - verifyStarted) / 1e9);
            packs.close();
            return bodies.size() / seconds;
        }
    }

    /** Realistic Twilio inbound bodies: every field Twilio sends, texts of varied length and script. */
    static List<byte[]> bodies(int count) {
        String[] texts = {"Hi, can you call me back about the bond order?", "Ok", "Please send the statement for March, thanks",
                "Können Sie mir die Unterlagen schicken? Grüße, Jörg", "Спасибо, получил документы.", "请把报价发给我，谢谢。",
                "I'd like to move 250k into the income fund before Friday. What are the fees and is there a lock-up period?"};
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> {
            Map<String, String> form = new TreeMap<>();
            String sid = String.format("SM%032x", i);
            form.put("SmsMessageSid", sid);
            form.put("NumMedia", "0");
            form.put("ProfileName", "Customer " + (i % 500));
            form.put("MessageType", "text");
            form.put("SmsSid", sid);
            form.put("WaId", "4477009" + String.format("%05d", i % 500));
            form.put("SmsStatus", "received");
            form.put("Body", texts[i % texts.length]);
            form.put("To", "whatsapp:+15550001111");
            form.put("NumSegments", "1");
            form.put("ReferralNumMedia", "0");
            form.put("MessageSid", sid);
            form.put("AccountSid", "AC00000000000000000000000000000000");
            form.put("From", "whatsapp:+4477009" + String.format("%05d", i % 500));
            form.put("ApiVersion", "2010-04-01");
            return form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        }).toList();
    }
}
