package org.imarchive.archive.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded capture journal: append-only segment files in one directory, format in
 * {@code docs/adr/0002-capture-journal-format.md}.
 *
 * <p>Appends from any number of threads go through a bounded queue to one writer thread, which takes whatever is
 * waiting (up to {@link Options#maxBatchRecords()} records or {@link Options#maxBatchBytes()} bytes), numbers and
 * writes it, calls {@link FileChannel#force(boolean)} once, and only then completes the appends' futures (group
 * commit). The futures are completed on a separate completer thread, so a caller's dependent stage never holds up the
 * next sync; chain slow work with the {@code *Async} methods all the same.
 *
 * <p>If a write or a sync fails, the journal stops: the appends in flight and every later one fail with a
 * {@link JournalException} (after a failed fsync, what the disk holds is unknown). Reopening the directory recovers.
 *
 * <p>Opening checks every record of every segment: see {@link #repairs()}. A directory is opened by one journal at a
 * time (a lock file).
 */
public final class FileCaptureJournal implements CaptureJournal {

    /** How the journal writes. */
    public record Options(long segmentSize, int maxBatchRecords, int maxBatchBytes, int queueCapacity) {

        public static final long DEFAULT_SEGMENT_SIZE = 64L * 1024 * 1024;

        public Options {
            if (segmentSize < CaptureRecordFormat.MIN_RECORD_LENGTH) {
                throw new IllegalArgumentException("segmentSize must hold at least one record, got " + segmentSize);
            }
            if (maxBatchRecords < 1 || maxBatchBytes < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("batch limits and queue capacity must be positive");
            }
        }

        public static Options defaults() {
            return new Options(DEFAULT_SEGMENT_SIZE, 1_000, 4 * 1024 * 1024, 16_384);
        }

        public Options withSegmentSize(long bytes) {
            return new Options(bytes, maxBatchRecords, maxBatchBytes, queueCapacity);
        }

        public Options withMaxBatchRecords(int records) {
            return new Options(segmentSize, records, maxBatchBytes, queueCapacity);
        }
    }

    /**
     * What the writer has done since the journal was opened: how many records it made durable, in how many syncs,
     * and how long those syncs took (for metrics, and to see how well appends are grouped).
     */
    public record Stats(long records, long syncs, long syncNanos) {
        public double recordsPerSync() {
            return syncs == 0 ? 0 : (double) records / syncs;
        }

        public double meanSyncMicros() {
            return syncs == 0 ? 0 : syncNanos / 1e3 / syncs;
        }
    }

    /** A seam for tests: called by the writer before every sync of a segment. */
    interface WriterHooks {
        WriterHooks NONE = () -> { };

        void beforeForce() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(FileCaptureJournal.class);
    private static final Pending CLOSE = new Pending(new byte[0]);

    /** What replay may read: everything up to {@code lastSequence}, which a sync covered. */
    private record Durable(long lastSequence, List<JournalRecovery.Segment> segments, List<Long> sealedLengths,
                           long tailLength) {
    }

    private static final class Pending {
        final byte[] record;
        final CompletableFuture<Long> future = new CompletableFuture<>();
        long sequence;

        Pending(byte[] record) {
            this.record = record;
        }
    }

    private final Path directory;
    private final Options options;
    private final WriterHooks hooks;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final List<JournalRepair> repairs;
    private final Map<String, NavigableMap<Long, Long>> skipped;

    /** Guards the writer's segment lists against {@link #prune}, the one other thread that changes them. */
    private final Object segmentLists = new Object();
    private final BlockingQueue<Pending> queue;
    private final ReadWriteLock state = new ReentrantReadWriteLock();
    private boolean closed;
    private volatile boolean closing;
    private volatile JournalException failure;
    private volatile Durable durable;
    private volatile Stats stats = new Stats(0, 0, 0);
    private final Thread writer;
    private final ExecutorService completer;

    // owned by the writer thread
    private FileChannel channel;
    private final ByteBuffer out;
    private long fileEnd;
    private long nextSequence;
    private List<JournalRecovery.Segment> segments;
    private List<Long> sealedLengths;

    private FileCaptureJournal(Path directory, Options options, WriterHooks hooks) throws IOException {
        this.directory = directory;
        this.options = options;
        this.hooks = hooks;
        Files.createDirectories(directory);
        this.lockChannel = FileChannel.open(directory.resolve("journal.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock acquired;
        try {
            acquired = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            acquired = null;
        }
        if (acquired == null) {
            lockChannel.close();
            throw new JournalException("the capture journal in " + directory + " is already open");
        }
        this.lock = acquired;
        try {
            JournalRecovery.Result recovered = JournalRecovery.recover(directory);
            this.repairs = recovered.repairs();
            this.skipped = JournalRecovery.unmodifiable(recovered.skipped());
            this.segments = new ArrayList<>(recovered.segments());
            // an empty last segment (a crash right after a roll) names the next sequence, whether or not pruning
            // has removed every record before it
            this.nextSequence = Math.max(recovered.lastSequence() + 1,
                    segments.isEmpty() ? 1 : segments.get(segments.size() - 1).firstSequence());
            this.sealedLengths = new ArrayList<>(recovered.lengths());
            if (segments.isEmpty()) {
                createSegment(nextSequence);
            } else {
                JournalRecovery.Segment tail = segments.get(segments.size() - 1);
                this.channel = FileChannel.open(tail.path(), StandardOpenOption.WRITE);
                this.fileEnd = sealedLengths.remove(sealedLengths.size() - 1);
            }
            publish();
        } catch (IOException | RuntimeException e) {
            releaseLock();
            throw e;
        }
        this.out = ByteBuffer.allocateDirect(Math.min(options.maxBatchBytes(), 64 * 1024 * 1024) + 64 * 1024);
        this.queue = new LinkedBlockingQueue<>(options.queueCapacity());
        this.completer = Executors.newSingleThreadExecutor(runnable -> daemon(runnable, "capture-journal-completer"));
        this.writer = daemon(this::runWriter, "capture-journal-writer");
        this.writer.start();
    }

    /** Opens (and recovers) the journal in {@code directory}, creating it if needed, with the default options. */
    public static FileCaptureJournal open(Path directory) {
        return open(directory, Options.defaults());
    }

    public static FileCaptureJournal open(Path directory, Options options) {
        return open(directory, options, WriterHooks.NONE);
    }

    static FileCaptureJournal open(Path directory, Options options, WriterHooks hooks) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(options, "options");
        try {
            return new FileCaptureJournal(directory, options, hooks);
        } catch (IOException e) {
            throw new JournalException("cannot open the capture journal in " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public CompletableFuture<Long> appendAsync(CapturedPayload payload) {
        Objects.requireNonNull(payload, "payload");
        Pending pending;
        try {
            pending = new Pending(CaptureRecordFormat.encodeUnsealed(payload));
        } catch (JournalException e) {
            return CompletableFuture.failedFuture(e);
        }
        state.readLock().lock();
        try {
            if (closed) {
                return CompletableFuture.failedFuture(new JournalException("the capture journal is closed"));
            }
            JournalException failed = failure;
            if (failed != null) {
                return CompletableFuture.failedFuture(stopped(failed));
            }
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(new JournalException("interrupted before the append was queued", e));
        } finally {
            state.readLock().unlock();
        }
        return pending.future;
    }

    @Override
    public void replay(long afterSequence, Consumer<CaptureRecord> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        if (closing) {
            throw new JournalException("the capture journal is closed");
        }
        Durable snapshot = durable;
        if (afterSequence >= snapshot.lastSequence()) {
            return;
        }
        List<JournalRecovery.Segment> all = snapshot.segments();
        int first = 0;
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).firstSequence() <= afterSequence + 1) {
                first = i;
            }
        }
        for (int i = first; i < all.size(); i++) {
            long length = i < snapshot.sealedLengths().size() ? snapshot.sealedLengths().get(i) : snapshot.tailLength();
            if (!replaySegment(all.get(i), length, afterSequence, snapshot.lastSequence(), consumer)) {
                return;
            }
        }
    }

    /** Returns false once the last durable record has been delivered. */
    private boolean replaySegment(JournalRecovery.Segment segment, long length, long afterSequence, long lastSequence,
                                  Consumer<CaptureRecord> consumer) {
        NavigableMap<Long, Long> ranges = skipped.getOrDefault(segment.name(), java.util.Collections.emptyNavigableMap());
        try (FileChannel in = FileChannel.open(segment.path(), StandardOpenOption.READ)) {
            SegmentScanner scanner = new SegmentScanner(in, length);
            long position = 0;
            while (position < length) {
                Long movedAside = ranges.get(position);
                if (movedAside != null) {
                    position += movedAside;
                    continue;
                }
                if (scanner.probe(position) != SegmentScanner.Probe.VALID) {
                    throw new JournalException("the record at offset " + position + " of " + segment.name()
                            + " was sound when the journal was opened and is not any more");
                }
                long sequence = scanner.sequence();
                if (sequence > afterSequence) {
                    consumer.accept(scanner.decode());
                }
                if (sequence >= lastSequence) {
                    return false;
                }
                position += scanner.recordLength();
            }
            return true;
        } catch (IOException e) {
            throw new JournalException("cannot read " + segment.name(), e);
        }
    }

    /**
     * Deletes the oldest segments that hold nothing a consumer may still need: every record in them has a sequence
     * up to {@code neededAfter}, and they were last written before {@code writtenBefore} (the grace period during
     * which a committed payload can still be replayed). The segment being written is never deleted. Sequences keep
     * their values; the segments left are recovered and replayed as before.
     *
     * @return the names of the deleted segments, oldest first
     */
    public List<String> prune(long neededAfter, java.time.Instant writtenBefore) {
        if (closing) {
            throw new JournalException("the capture journal is closed");
        }
        List<JournalRecovery.Segment> doomed;
        try {
            synchronized (segmentLists) {
                Durable published = durable;
                List<JournalRecovery.Segment> visible = published.segments();
                int count = 0;
                while (count < visible.size() - 1 && visible.get(count + 1).firstSequence() - 1 <= neededAfter
                        && Files.getLastModifiedTime(visible.get(count).path()).toInstant().isBefore(writtenBefore)) {
                    count++;
                }
                doomed = List.copyOf(visible.subList(0, count));
                segments.subList(0, count).clear();
                sealedLengths.subList(0, count).clear();
                durable = new Durable(published.lastSequence(), List.copyOf(visible.subList(count, visible.size())),
                        List.copyOf(published.sealedLengths().subList(count, published.sealedLengths().size())), published.tailLength());
            }
            for (JournalRecovery.Segment segment : doomed) {
                Files.delete(segment.path());
            }
            if (!doomed.isEmpty()) {
                forceDirectory(directory);
                log.info("capture journal: pruned {} segments up to {}", doomed.size(), doomed.get(doomed.size() - 1).name());
            }
        } catch (IOException e) {
            throw new JournalException("cannot prune the capture journal in " + directory, e);
        }
        return doomed.stream().map(JournalRecovery.Segment::name).toList();
    }

    @Override
    public long lastSequence() {
        return durable.lastSequence();
    }

    /** Written by the writer thread only; read from anywhere. */
    public Stats stats() {
        return stats;
    }

    @Override
    public List<JournalRepair> repairs() {
        return repairs;
    }

    /**
     * Writes and syncs what is queued, then stops the writer. Appends queued before close complete normally; later
     * ones fail.
     */
    @Override
    public void close() {
        state.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closing = true;
            queue.put(CLOSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while closing the capture journal", e);
        } finally {
            state.writeLock().unlock();
        }
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        completer.shutdown();
        try {
            if (!completer.awaitTermination(1, TimeUnit.MINUTES)) {
                log.warn("capture journal: completions still running after a minute");
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        try {
            channel.close();
        } catch (IOException e) {
            log.warn("capture journal: closing the tail segment failed", e);
        }
        releaseLock();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- the writer thread ----

    private void runWriter() {
        List<Pending> batch = new ArrayList<>(Math.min(options.maxBatchRecords(), 4096));
        boolean stop = false;
        while (!stop) {
            Pending first;
            try {
                first = queue.take();
            } catch (InterruptedException e) {
                continue; // nobody interrupts the writer on purpose; close() stops it with CLOSE
            }
            if (first == CLOSE) {
                break;
            }
            batch.add(first);
            long bytes = first.record.length;
            while (batch.size() < options.maxBatchRecords() && bytes < options.maxBatchBytes()) {
                Pending next = queue.poll();
                if (next == null) {
                    break;
                }
                if (next == CLOSE) {
                    stop = true;
                    break;
                }
                batch.add(next);
                bytes += next.record.length;
            }
            if (failure != null) {
                fail(batch, stopped(failure));
            } else {
                write(batch);
            }
            batch = new ArrayList<>(Math.min(options.maxBatchRecords(), 4096));
        }
    }

    private void write(List<Pending> batch) {
        try {
            for (Pending pending : batch) {
                byte[] record = pending.record;
                long logicalEnd = fileEnd + out.position();
                if (logicalEnd > 0 && logicalEnd + record.length > options.segmentSize()) {
                    flush();
                    roll(nextSequence);
                }
                pending.sequence = nextSequence++;
                CaptureRecordFormat.seal(record, pending.sequence);
                if (record.length > out.remaining()) {
                    flush();
                }
                if (record.length > out.capacity()) {
                    writeFully(ByteBuffer.wrap(record));
                } else {
                    out.put(record);
                }
            }
            flush();
            sync();
            stats = new Stats(stats.records() + batch.size(), stats.syncs(), stats.syncNanos());
            publish();
        } catch (Throwable t) {
            JournalException cause = new JournalException("the capture journal could not make " + batch.size()
                    + " appends durable and has stopped; reopen it to recover", t);
            log.error("capture journal: write or sync failed; no further appends until it is reopened", t);
            failure = cause;
            fail(batch, cause);
            return;
        }
        try {
            completer.execute(() -> batch.forEach(p -> p.future.complete(p.sequence)));
        } catch (RejectedExecutionException e) {
            batch.forEach(p -> p.future.complete(p.sequence));
        }
    }

    private void fail(List<Pending> batch, JournalException cause) {
        batch.forEach(p -> p.future.completeExceptionally(cause));
    }

    private void flush() throws IOException {
        out.flip();
        writeFully(out);
        out.clear();
    }

    private void writeFully(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            fileEnd += channel.write(buffer, fileEnd);
        }
    }

    private void sync() throws IOException {
        hooks.beforeForce();
        long started = System.nanoTime();
        channel.force(false);
        Stats before = stats;
        stats = new Stats(before.records(), before.syncs() + 1, before.syncNanos() + System.nanoTime() - started);
    }

    private void roll(long firstSequence) throws IOException {
        sync();
        channel.close();
        synchronized (segmentLists) {
            sealedLengths.add(fileEnd);
        }
        createSegment(firstSequence);
    }

    private void createSegment(long firstSequence) throws IOException {
        String name = JournalRecovery.segmentName(firstSequence);
        Path path = directory.resolve(name);
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        forceDirectory(directory);
        fileEnd = 0;
        synchronized (segmentLists) {
            segments.add(new JournalRecovery.Segment(name, firstSequence, path));
        }
    }

    private void publish() {
        synchronized (segmentLists) {
            durable = new Durable(nextSequence - 1, List.copyOf(segments), List.copyOf(sealedLengths), fileEnd);
        }
    }

    // ---- helpers ----

    private static JournalException stopped(JournalException failure) {
        return new JournalException("the capture journal stopped after a failed write; reopen it to recover", failure);
    }

    private void releaseLock() {
        try {
            lock.release();
        } catch (IOException e) {
            log.warn("capture journal: releasing the lock failed", e);
        } finally {
            try {
                lockChannel.close();
            } catch (IOException e) {
                log.warn("capture journal: closing the lock file failed", e);
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Makes a directory entry (a new segment, a quarantined copy) durable. */
    static void forceDirectory(Path directory) throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }
}
