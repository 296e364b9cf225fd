package org.imarchive.bench.production;

import org.imarchive.production.BatesFormat;
import org.imarchive.production.ProductionEngine;
import org.imarchive.production.ProductionFormat;
import org.imarchive.production.ProductionRequest;
import org.imarchive.production.ProductionResult;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A production of {@code messages} generated messages in 1,000 conversations through our engine (PDF only), next to
 * raw PDFBox drawing the same pages ({@link RawPdfBoxBaseline}); then all formats on a tenth of it. Prints messages/s,
 * pages/s, the ratio to raw PDFBox, and the peak heap sampled up to 10k, 50k and 100k messages.
 * Usage: {@code ProductionBench [messages] [conversations]}; output is discarded (counted), not written to disk.
 */
public final class ProductionBench {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String MATTER = "Benchmark matter";
    private static final String PRODUCTION_ID = "bench";
    private static final ZoneId FIRM_ZONE = ZoneId.of("Europe/Zurich");
    private static final Instant CREATED_AT = Instant.parse("2025-04-01T00:00:00Z");

    private ProductionBench() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int conversations = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int perConversation = messages / conversations;
        System.out.printf(Locale.ROOT, "production bench: %,d messages in %,d conversations, %d cores, max heap %d MB%n",
                perConversation * conversations, conversations, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        warmUp(Math.max(1, conversations / 5), perConversation);

        HeapSampler heap = new HeapSampler();
        heap.start();
        long[] checkpoints = {10_000, 50_000, 100_000};
        long[] peakAt = new long[checkpoints.length];
        Counting sink = new Counting();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long threadCpuStart = THREADS.getCurrentThreadCpuTime();
        ProductionResult pdf = produce(new SyntheticArchive(conversations, perConversation), EnumSet.of(ProductionFormat.PDF), sink,
                (c, m, p) -> {
                    for (int i = 0; i < checkpoints.length; i++) {
                        if (peakAt[i] == 0 && m >= checkpoints[i]) {
                            peakAt[i] = heap.peakSinceLastRead();
                        }
                    }
                });
        double ours = (System.nanoTime() - start) / 1e9;
        double oursCpu = (processCpuNanos() - cpuStart) / 1e9;
        double oursThreadCpu = (THREADS.getCurrentThreadCpuTime() - threadCpuStart) / 1e9;
        heap.finish();
        System.out.printf(Locale.ROOT, "engine PDF:   %,d messages, %,d pages, %,d PDFs, %.1f MB in %.1f s: %,.0f messages/s, %,.0f pages/s%n",
                pdf.messages(), pdf.pages(), pdf.conversations(), sink.bytes.get() / 1e6, ours, pdf.messages() / ours, pdf.pages() / ours);

        Counting rawSink = new Counting();
        long rawStart = System.nanoTime();
        long rawCpuStart = processCpuNanos();
        long rawThreadCpuStart = THREADS.getCurrentThreadCpuTime();
        long rawPages;
        try (RawPdfBoxBaseline raw = new RawPdfBoxBaseline(MATTER, PRODUCTION_ID, FIRM_ZONE, CREATED_AT)) {
            for (int c = 0; c < conversations; c++) {
                raw.conversation(c, perConversation, rawSink);
            }
            rawPages = raw.pages();
        }
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        double rawCpu = (processCpuNanos() - rawCpuStart) / 1e9;
        double rawThreadCpu = (THREADS.getCurrentThreadCpuTime() - rawThreadCpuStart) / 1e9;
        System.out.printf(Locale.ROOT, "raw PDFBox:   %,d messages, %,d pages, %,d PDFs, %.1f MB in %.1f s: %,.0f messages/s, %,.0f pages/s%n",
                (long) perConversation * conversations, rawPages, conversations, rawSink.bytes.get() / 1e6, rawSeconds,
                perConversation * conversations / rawSeconds, rawPages / rawSeconds);
        System.out.printf(Locale.ROOT, "ratio engine/raw: %.2f by messages/s, %.2f by pages/s (target >= 0.5); raw wrote %+.1f%% pages%n",
                rawSeconds / ours, (pdf.pages() / ours) / (rawPages / rawSeconds), 100.0 * (rawPages - pdf.pages()) / pdf.pages());
        // the machine is shared: CPU time is less noisy than wall time. The process's includes GC and the JIT compiler,
        // which is still compiling when the first arm runs; the producing thread's is the work itself
        System.out.printf(Locale.ROOT, "ratio by CPU time: %.2f by process (engine %.1f s, raw %.1f s), %.2f by producing thread (engine %.1f s, raw %.1f s)%n",
                rawCpu / oursCpu, oursCpu, rawCpu, rawThreadCpu / oursThreadCpu, oursThreadCpu, rawThreadCpu);
        for (int i = 0; i < checkpoints.length; i++) {
            if (peakAt[i] > 0) {
                System.out.printf(Locale.ROOT, "peak heap used up to %,7d messages: %4d MB%n", checkpoints[i], peakAt[i] >> 20);
            }
        }

        int tenth = Math.max(1, conversations / 10);
        Counting allSink = new Counting();
        long allStart = System.nanoTime();
        ProductionResult all = produce(new SyntheticArchive(tenth, perConversation), EnumSet.allOf(ProductionFormat.class), allSink, (c, m, p) -> {
        });
        double allSeconds = (System.nanoTime() - allStart) / 1e9;
        System.out.printf(Locale.ROOT, "engine all formats (pdf, eml, csv+dat, natives, rsmf, manifest): %,d messages, %,d files, %.1f MB in %.1f s: %,.0f messages/s%n",
                all.messages(), all.files(), allSink.bytes.get() / 1e6, allSeconds, all.messages() / allSeconds);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * A fifth of the production through each arm first: they share PDFBox's code, and the arm measured first would
     * otherwise pay for compiling it (a thousand messages left most of it to the engine's measured run).
     */
    private static void warmUp(int conversations, int perConversation) throws IOException {
        produce(new SyntheticArchive(conversations, perConversation), EnumSet.of(ProductionFormat.PDF), new Counting(), (c, m, p) -> {
        });
        try (RawPdfBoxBaseline raw = new RawPdfBoxBaseline(MATTER, PRODUCTION_ID, FIRM_ZONE, CREATED_AT)) {
            for (int c = 0; c < conversations; c++) {
                raw.conversation(c, perConversation, new Counting());
            }
        }
    }

    private static ProductionResult produce(SyntheticArchive archive, Set<ProductionFormat> formats, OutputStream out,
                                            org.imarchive.production.ProductionProgress progress) throws IOException {
        ProductionRequest request = new ProductionRequest(PRODUCTION_ID, MATTER, "bench", "generated", FIRM_ZONE,
                new BatesFormat("BENCH", 1, 7), formats, CREATED_AT);
        Path scratch = Files.createTempDirectory("production-bench");
        try {
            return new ProductionEngine(sha -> {
                throw new IOException("the generated archive has no attachments");
            }, sha -> Optional.empty(), scratch).produce(request, archive.conversations(), out, progress);
        } finally {
            Files.delete(scratch);
        }
    }

    /** Discards what it is given and counts it: the benchmark measures producing, not the disk. */
    private static final class Counting extends OutputStream {
        final AtomicLong bytes = new AtomicLong();

        @Override
        public void write(int b) {
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.addAndGet(len);
        }
    }

    /** Samples heap use every 10 ms; the peak since the last read shows whether heap grows with the production. */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                peak.accumulateAndGet(MEMORY.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long peakSinceLastRead() {
            return peak.getAndSet(0);
        }

        void finish() {
            running = false;
        }
    }
}
