package org.imarchive.archive.pipeline;

import org.imarchive.archive.capture.CaptureJournal;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.store.CommitOutcome;
import org.imarchive.archive.support.CaptureFirst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Capture first, everything else derived: {@link #capture} makes a payload durable in the journal and hands it to
 * one committer thread, which normalizes, governs and commits in batches, each batch atomically with its journal
 * position. On start the committer first replays whatever the journal holds beyond that position, so a crash at any
 * point after the journal append loses nothing, and the store's natural keys make the replay duplicate nothing. The
 * committer is derived work: each batch takes its turn from {@link CaptureFirst}, which every capture marks.
 */
public final class ArchivePipeline implements Capture, AutoCloseable {
    public static final String CONSUMER = "archive";
    private static final Logger LOG = LoggerFactory.getLogger(ArchivePipeline.class);

    private final CaptureJournal journal;
    private final ArchiveStore store;
    private final Map<String, PayloadNormalizer> normalizers = new HashMap<>();
    private final AccountApproval approval;
    private final List<CommitListener> commitListeners;
    private final List<CaptureObserver> observers;
    private final PipelineListener listener;
    private final int batchSize;
    private final CaptureFirst captureFirst;
    /**
     * Captures handed to the committer in memory. While derived work lags (ADR 0017) it is soon full, and the rest is
     * read back from the journal: a longer queue would only keep more payloads alive through young collections.
     */
    private static final int LIVE_CAPACITY = 8_192;
    private final BlockingQueue<CaptureRecord> live = new LinkedBlockingQueue<>(LIVE_CAPACITY);
    private final AtomicBoolean overflowing = new AtomicBoolean();
    private final Object progress = new Object();
    private volatile long committedSequence;
    private volatile boolean running;
    private volatile RuntimeException stoppedBy;
    private Thread committer;

    public ArchivePipeline(CaptureJournal journal, ArchiveStore store, List<PayloadNormalizer> normalizers, AccountApproval approval,
                           List<CommitListener> commitListeners, PipelineListener listener, int batchSize) {
        this(journal, store, normalizers, approval, commitListeners, List.of(), listener, batchSize);
    }

    public ArchivePipeline(CaptureJournal journal, ArchiveStore store, List<PayloadNormalizer> normalizers, AccountApproval approval,
                           List<CommitListener> commitListeners, List<CaptureObserver> observers, PipelineListener listener, int batchSize) {
        this(journal, store, normalizers, approval, commitListeners, observers, listener, batchSize, CaptureFirst.UNPACED);
    }

    public ArchivePipeline(CaptureJournal journal, ArchiveStore store, List<PayloadNormalizer> normalizers, AccountApproval approval,
                           List<CommitListener> commitListeners, List<CaptureObserver> observers, PipelineListener listener, int batchSize,
                           CaptureFirst captureFirst) {
        this.captureFirst = captureFirst;
        this.observers = List.copyOf(observers);
        this.journal = journal;
        this.store = store;
        this.approval = approval;
        this.commitListeners = List.copyOf(commitListeners);
        this.listener = listener;
        this.batchSize = batchSize;
        for (PayloadNormalizer normalizer : normalizers) {
            for (String source : normalizer.sources()) {
                if (this.normalizers.put(source, normalizer) != null) {
                    throw new IllegalArgumentException("two normalizers read source " + source);
                }
            }
        }
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        committedSequence = store.checkpoint(CONSUMER);
        committer = new Thread(this::run, "archive-committer");
        committer.setDaemon(true);
        committer.start();
    }

    /**
     * Makes the payload durable and queues it for commit; returns its journal sequence. When this returns the
     * platform may be acknowledged.
     */
    @Override
    public long capture(CapturedPayload payload) {
        long sequence;
        captureFirst.captureStarted();
        try {
            sequence = journal.append(payload);
        } finally {
            captureFirst.captureEnded();
        }
        if (!live.offer(new CaptureRecord(sequence, payload)) && !overflowing.getAndSet(true)) {
            // once per episode, not per capture: a log line on every webhook would slow the acknowledgements down
            LOG.info("the committer is {} captures behind; it commits from journal record {} on by reading the journal", LIVE_CAPACITY, sequence);
        }
        return sequence;
    }

    public Set<String> sources() {
        return Set.copyOf(normalizers.keySet());
    }

    public long committedSequence() {
        return committedSequence;
    }

    /** Waits until everything up to {@code sequence} is committed; false on timeout. */
    public boolean awaitCommitted(long sequence, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (committedSequence < sequence) {
                if (stoppedBy != null) {
                    throw new IllegalStateException("the committer stopped", stoppedBy);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    private void run() {
        try {
            catchUpFromJournal();
            // concurrent captures reach the queue slightly out of order: hold them until the run is contiguous
            java.util.TreeMap<Long, CaptureRecord> waiting = new java.util.TreeMap<>();
            List<CaptureRecord> drained = new ArrayList<>(batchSize);
            long gapSince = 0;
            while (running) {
                CaptureRecord first = live.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    drained.add(first);
                    live.drainTo(drained, batchSize - 1);
                    for (CaptureRecord record : drained) {
                        if (record.sequence() > committedSequence) {
                            waiting.put(record.sequence(), record);
                        }
                    }
                    drained.clear();
                }
                List<CaptureRecord> contiguous = new ArrayList<>();
                long next = committedSequence + 1;
                while (!waiting.isEmpty() && waiting.firstKey() == next && contiguous.size() < batchSize) {
                    contiguous.add(waiting.pollFirstEntry().getValue());
                    next++;
                }
                captureFirst.derived(() -> {
                    commitBatch(contiguous);
                    return null;
                });
                boolean behind = !waiting.isEmpty() || (first == null && journal.lastSequence() > committedSequence);
                if (!behind) {
                    gapSince = 0;
                } else if (gapSince == 0) {
                    gapSince = System.nanoTime();
                } else if (System.nanoTime() - gapSince > TimeUnit.MILLISECONDS.toNanos(500)) {
                    // what is missing is in the journal only (queue overflow, or a capture whose hand-off was lost)
                    catchUpFromJournal();
                    waiting.headMap(committedSequence, true).clear();
                    gapSince = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            stoppedBy = e;
            LOG.error("the archive committer stopped; captures stay in the journal and are committed on restart", e);
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void catchUpFromJournal() {
        overflowing.set(false);
        long target = journal.lastSequence();
        if (target <= committedSequence) {
            return;
        }
        List<CaptureRecord> batch = new ArrayList<>(batchSize);
        journal.replay(committedSequence, record -> {
            if (record.sequence() > target) {
                return;
            }
            batch.add(record);
            if (batch.size() == batchSize) {
                commitPaced(batch);
                batch.clear();
            }
        });
        commitPaced(batch);
    }

    private void commitPaced(List<CaptureRecord> captures) {
        try {
            captureFirst.derived(() -> {
                commitBatch(captures);
                return null;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while catching up from the journal", e);
        }
    }

    private void commitBatch(List<CaptureRecord> captures) {
        if (captures.isEmpty()) {
            return;
        }
        List<Commit> commits = new ArrayList<>();
        for (CaptureRecord capture : captures) {
            observe(capture);
            for (ArchiveRecord record : normalize(capture)) {
                commits.add(new Commit(record, !approval.isApproved(record.messageKey().account())));
            }
        }
        long upTo = captures.get(captures.size() - 1).sequence();
        List<CommitOutcome> outcomes = store.commit(commits, CONSUMER, upTo);
        List<CommittedRecord> committed = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            CommitOutcome outcome = outcomes.get(i);
            Commit commit = commits.get(i);
            if (!outcome.duplicate()) {
                committed.add(new CommittedRecord(commit.record(), outcome, commit.quarantined()));
                if (commit.quarantined() && commit.record() instanceof ArchivedMessage) {
                    listener.quarantined(commit.record().messageKey().account(), outcome.messageId());
                }
            }
        }
        listener.committed(committed.size(), outcomes.size() - committed.size());
        // listeners hear of a batch before anyone waiting on its sequence is released, so "committed" implies "handed on"
        notifyCommitListeners(committed);
        synchronized (progress) {
            committedSequence = upTo;
            progress.notifyAll();
        }
    }

    private void observe(CaptureRecord capture) {
        for (CaptureObserver observer : observers) {
            try {
                observer.observe(capture);
            } catch (RuntimeException e) {
                listener.listenerFailed(observer.getClass().getSimpleName(), e);
            }
        }
    }

    private List<ArchiveRecord> normalize(CaptureRecord capture) {
        String source = capture.payload().source();
        PayloadNormalizer normalizer = normalizers.get(source);
        if (normalizer == null) {
            fail(capture, "no normalizer reads source " + source);
            return List.of();
        }
        try {
            return normalizer.normalize(capture);
        } catch (MalformedPayloadException e) {
            fail(capture, e.getMessage());
            return List.of();
        }
    }

    private void fail(CaptureRecord capture, String reason) {
        store.recordCaptureFailure(capture.sequence(), capture.payload().source(), reason);
        listener.malformed(capture.payload().source(), capture.sequence(), reason);
    }

    private void notifyCommitListeners(List<CommittedRecord> committed) {
        if (committed.isEmpty()) {
            return;
        }
        for (CommitListener commitListener : commitListeners) {
            try {
                commitListener.committed(committed);
            } catch (RuntimeException e) {
                listener.listenerFailed(commitListener.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        if (committer != null) {
            try {
                committer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
