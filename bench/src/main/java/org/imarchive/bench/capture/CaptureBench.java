package org.imarchive.bench.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.imarchive.archive.capture.CaptureRecordFormat;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.capture.FileCaptureJournal;

/**
 * The capture journal next to the raw file appends it is built on, in one run, on the same record bytes:
 *
 * <ol type="a">
 *   <li>raw baseline: one thread, a plain {@link FileChannel#write} and {@link FileChannel#force force(false)} per
 *       append, what "durable before acknowledging" costs done naively;</li>
 *   <li>raw batched: the same appends with one force per 1,000, about the best the disk can do;</li>
 *   <li>{@link FileCaptureJournal} with many producer threads, each appending and waiting until its append is
 *       durable.</li>
 * </ol>
 *
 * <p>Arguments (all optional, {@code name=value} with or without leading dashes): {@code --n=100000} payloads; {@code --raw-n=N} caps (a), whose rate is a rate (by
 * default (a) is capped so that it takes about {@code --raw-seconds=60}, from a measured fsync time);
 * {@code --producers=64} (a comma list runs (c) once per value); {@code --dir=PATH} where to write (default: the
 * temporary directory; put it on the disk you mean to measure); {@code --keep} keeps the files.
 */
public final class CaptureBench {

    private static final int BATCH = 1_000;

    record Result(String name, int count, long bytes, long nanos, long[] latencies, String note) {
        Result(String name, int count, long bytes, long nanos, long[] latencies) {
            this(name, count, bytes, nanos, latencies, null);
        }

        double perSecond() {
            return count / (nanos / 1e9);
        }

        double megabytesPerSecond() {
            return bytes / (nanos / 1e9) / 1e6;
        }

        long percentile(double p) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int n = Integer.parseInt(options.getOrDefault("n", "100000"));
        double rawSeconds = Double.parseDouble(options.getOrDefault("raw-seconds", "60"));
        int[] producerCounts = Stream.of(options.getOrDefault("producers", "64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Path base = Files.createTempDirectory(Path.of(options.getOrDefault("dir",
                System.getProperty("java.io.tmpdir"))).toAbsolutePath(), "capture-bench-");

        List<CapturedPayload> payloads = webhookPayloads(n, new Random(20240611));
        byte[][] records = new byte[n][];
        long recordBytes = 0;
        long bodyBytes = 0;
        for (int i = 0; i < n; i++) {
            records[i] = CaptureRecordFormat.encode(i + 1, payloads.get(i));
            recordBytes += records[i].length;
            bodyBytes += payloads.get(i).body().length;
        }
        System.out.printf(Locale.ROOT, "capture journal benchmark: %,d payloads, mean body %d B, mean record %d B "
                        + "(body + source + headers + framing)%n", n, bodyBytes / n, recordBytes / n);
        System.out.printf(Locale.ROOT, "java %s, %d cores, files under %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), base);

        double fsyncMicros = measureFsync(base.resolve("probe"), records);
        int rawN = options.containsKey("raw-n") ? Integer.parseInt(options.get("raw-n"))
                : (int) Math.min(n, Math.max(1_000, rawSeconds * 1e6 / fsyncMicros));
        System.out.printf(Locale.ROOT, "measured write+fsync: %.1f µs per append; (a) would take %.0f s for %,d, "
                        + "runs %,d%s%n", fsyncMicros, fsyncMicros * n / 1e6, n, rawN,
                rawN < n ? " (capped: its rate is a rate)" : "");

        // warm up the JIT on every path, then measure
        rawSingle(base.resolve("warm-a"), records, Math.min(500, n));
        rawBatched(base.resolve("warm-b"), records, Math.min(20_000, n));
        journal(base.resolve("warm-c"), payloads, records, Math.min(20_000, n), producerCounts[0]);

        List<Result> results = new ArrayList<>();
        Result a = rawSingle(base.resolve("a"), records, rawN);
        results.add(a);
        Result b = rawBatched(base.resolve("b"), records, n);
        results.add(b);
        List<Result> journals = new ArrayList<>();
        for (int producers : producerCounts) {
            Result c = journal(base.resolve("c-" + producers), payloads, records, n, producers);
            journals.add(c);
            results.add(c);
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "%-52s %9s %8s %12s %8s %10s %10s%n", "", "appends", "seconds", "msgs/s", "MB/s",
                "p50 µs", "p99 µs");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-52s %,9d %8.2f %,12.0f %8.1f %,10.1f %,10.1f%n", r.name(), r.count(),
                    r.nanos() / 1e9, r.perSecond(), r.megabytesPerSecond(), r.percentile(0.50) / 1e3,
                    r.percentile(0.99) / 1e3);
        }
        System.out.println("(MB/s counts record bytes written; latency is from append to durable: for (b), from the"
                + " record's write to the end of the force covering it)");
        for (Result r : results) {
            if (r.note() != null) {
                System.out.println(r.note());
            }
        }
        System.out.println();
        for (Result c : journals) {
            System.out.printf(Locale.ROOT, "%s: (c)/(a) = %.1f x, (c)/(b) = %.2f%n", c.name(),
                    c.perSecond() / a.perSecond(), c.perSecond() / b.perSecond());
        }

        if (!options.containsKey("keep")) {
            deleteTree(base);
        }
    }

    // ---- (a) ----

    static Result rawSingle(Path dir, byte[][] records, int count) throws IOException {
        Files.createDirectories(dir);
        long[] latencies = new long[count];
        long bytes = 0;
        long start;
        long end;
        try (FileChannel channel = FileChannel.open(dir.resolve("raw.log"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                writeFully(channel, records[i]);
                channel.force(false);
                latencies[i] = System.nanoTime() - t0;
                bytes += records[i].length;
            }
            end = System.nanoTime();
        }
        return new Result("(a) raw: write + force per append, 1 thread", count, bytes, end - start, latencies);
    }

    // ---- (b) ----

    static Result rawBatched(Path dir, byte[][] records, int count) throws IOException {
        Files.createDirectories(dir);
        long[] latencies = new long[count];
        long[] writeStarted = new long[BATCH];
        long bytes = 0;
        long start;
        long end;
        try (FileChannel channel = FileChannel.open(dir.resolve("raw.log"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            start = System.nanoTime();
            for (int from = 0; from < count; from += BATCH) {
                int to = Math.min(count, from + BATCH);
                for (int i = from; i < to; i++) {
                    writeStarted[i - from] = System.nanoTime();
                    writeFully(channel, records[i]);
                    bytes += records[i].length;
                }
                channel.force(false);
                long forced = System.nanoTime();
                for (int i = from; i < to; i++) {
                    latencies[i] = forced - writeStarted[i - from];
                }
            }
            end = System.nanoTime();
        }
        return new Result("(b) raw batched: one force per 1,000, 1 thread", count, bytes, end - start, latencies);
    }

    // ---- (c) ----

    static Result journal(Path dir, List<CapturedPayload> payloads, byte[][] records, int count, int producers) throws Exception {
        long[] latencies = new long[count];
        long[] bytes = new long[producers];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        long start;
        long end;
        FileCaptureJournal.Stats stats;
        try (FileCaptureJournal journal = FileCaptureJournal.open(dir)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int producer = p;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        journal.append(payloads.get(i));
                        latencies[i] = System.nanoTime() - t0;
                        bytes[producer] += records[i].length; // the journal writes these very bytes
                    }
                    return null;
                }));
            }
            start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            end = System.nanoTime();
            stats = journal.stats();
            if (journal.lastSequence() != count) {
                throw new IllegalStateException("journal holds " + journal.lastSequence() + " records, expected " + count);
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return new Result("(c) FileCaptureJournal, " + producers + " producers waiting", count,
                Arrays.stream(bytes).sum(), end - start, latencies, String.format(Locale.ROOT,
                "%s: %,d syncs, %.1f records per sync, mean sync %.0f µs", "(c) " + producers + " producers",
                stats.syncs(), stats.recordsPerSync(), stats.meanSyncMicros()));
    }

    // ---- helpers ----

    /** Mean cost of write + force(false) of one record, over 200 appends to a fresh file. */
    static double measureFsync(Path dir, byte[][] records) throws IOException {
        Result probe = rawSingle(dir, records, Math.min(200, records.length));
        return probe.nanos() / 1e3 / probe.count();
    }

    private static void writeFully(FileChannel channel, byte[] record) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(record);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** WhatsApp Cloud API message notifications as Meta posts them, ~600 bytes, with the headers we keep. */
    static List<CapturedPayload> webhookPayloads(int n, Random random) {
        String[] words = {"hello", "please", "confirm", "the", "trade", "order", "for", "tomorrow", "thanks", "price",
                "bond", "shares", "call", "me", "when", "you", "can", "meeting", "at", "10:00", "Grüße", "¿qué", "tal?",
                "привет", "👍", "ok", "invoice", "attached", "settlement", "date"};
        HexFormat hex = HexFormat.of();
        List<CapturedPayload> payloads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder text = new StringBuilder();
            int target = 80 + random.nextInt(120);
            while (text.length() < target) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            byte[] id = new byte[24];
            random.nextBytes(id);
            String customer = "49151" + (10_000_000 + random.nextInt(89_999_999));
            String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102938475610293\",\"changes\":[{"
                    + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001234\","
                    + "\"phone_number_id\":\"109876543210987\"},\"contacts\":[{\"profile\":{\"name\":\"Customer " + i
                    + "\"},\"wa_id\":\"" + customer + "\"}],\"messages\":[{\"from\":\"" + customer + "\",\"id\":\"wamid."
                    + java.util.Base64.getEncoder().encodeToString(id) + "\",\"timestamp\":\""
                    + (1_718_000_000L + i) + "\",\"text\":{\"body\":\"" + text.toString().trim()
                    + "\"},\"type\":\"text\"}]},\"field\":\"messages\"}]}]}";
            byte[] signature = new byte[32];
            random.nextBytes(signature);
            TreeMap<String, String> headers = new TreeMap<>();
            headers.put("Content-Type", "application/json");
            headers.put("X-Hub-Signature-256", "sha256=" + hex.formatHex(signature));
            payloads.add(new CapturedPayload("whatsapp-cloud-inbound", Instant.ofEpochSecond(1_718_000_000L + i, i),
                    headers, body.getBytes(StandardCharsets.UTF_8)));
        }
        return payloads;
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String bare = arg.replaceFirst("^--", "");
            int eq = bare.indexOf('=');
            if (eq < 0 && bare.chars().allMatch(Character::isDigit)) {
                options.put("n", bare);
            } else {
                options.put(eq < 0 ? bare : bare.substring(0, eq), eq < 0 ? "" : bare.substring(eq + 1));
            }
        }
        return options;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
