package org.imarchive.archive.support;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The loop every derived worker runs (indexer, media retrieval, text extraction, review scanner): a daemon thread that
 * repeats its step while the step says more is waiting, otherwise sleeps until woken or a second has passed, and after
 * a failure backs off, doubling up to a limit, so an outage of what it feeds never spins and never stops it. Each step
 * is derived work and takes its turn from {@link CaptureFirst}, so it yields to webhooks waiting for their acknowledgement.
 */
public final class BackgroundLoop implements AutoCloseable {
    private static final long FIRST_BACKOFF_MILLIS = 100;

    /** One unit of work; returns true when more may be waiting right away. */
    @FunctionalInterface
    public interface Step {
        boolean run() throws InterruptedException;
    }

    /** Told of a failed step and when the next try comes. */
    @FunctionalInterface
    public interface FailureReport {
        void failed(RuntimeException failure, long retryInMillis);
    }

    private final String threadName;
    private final Step step;
    private final FailureReport report;
    private final long maxBackoffMillis;
    private final CaptureFirst captureFirst;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public BackgroundLoop(String threadName, Step step, FailureReport report, Duration maxBackoff) {
        this(threadName, step, report, maxBackoff, CaptureFirst.UNPACED);
    }

    public BackgroundLoop(String threadName, Step step, FailureReport report, Duration maxBackoff, CaptureFirst captureFirst) {
        this.captureFirst = captureFirst;
        this.threadName = threadName;
        this.step = step;
        this.report = report;
        this.maxBackoffMillis = maxBackoff.toMillis();
    }

    /** Starts the thread; false when it was already running. */
    public synchronized boolean start() {
        if (running) {
            return false;
        }
        running = true;
        thread = new Thread(this::loop, threadName);
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** Work has arrived: run the step now rather than after the current pause. */
    public void wake() {
        wake.release();
    }

    private void loop() {
        long backoffMillis = FIRST_BACKOFF_MILLIS;
        while (running) {
            try {
                boolean more = captureFirst.derived(step::run);
                backoffMillis = FIRST_BACKOFF_MILLIS;
                if (!more) {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                report.failed(e, backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, maxBackoffMillis);
            }
        }
    }

    /** Stops after the step under way, waiting up to ten seconds for it. */
    @Override
    public void close() {
        running = false;
        wake.release();
        Thread current;
        synchronized (this) {
            current = thread;
        }
        if (current != null) {
            try {
                current.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
