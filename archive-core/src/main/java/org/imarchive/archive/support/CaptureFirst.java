package org.imarchive.archive.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Capture first (ADR 0017): an acknowledgement is the durability promise, so a webhook waiting for its journal sync
 * must not wait for CPU that derived work (commit, indexing, media, text extraction, review scanning) is using; derived
 * work may lag and catch up. Captures mark themselves here; every derived worker charges the CPU time of each step it
 * ran, and while captures are arriving (one in flight, or one ended within the quiet window) waits before its next
 * step until derived work as a whole has used no more than {@code derivedCpuShare} of one core. Without captures,
 * derived work runs at full speed.
 *
 * <p>The charge is CPU time, not wall time, so a step waiting on a platform's media server or on the disk costs the
 * others nothing.
 */
public final class CaptureFirst {
    /** Derived work that no capture ever slows: commands that run without webhooks, and components tested alone. */
    public static final CaptureFirst UNPACED = new CaptureFirst(1.0, Duration.ZERO);

    private static final long MAX_WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final double derivedCpuShare;
    private final long quietNanos;
    private final LongSupplier clock;
    private final AtomicInteger capturing = new AtomicInteger();
    private final AtomicLong lastCaptureEnded = new AtomicLong(Long.MIN_VALUE);
    /** The time before which derived work waits while captures arrive: what it ran, stretched to its share. */
    private final AtomicLong derivedMayRunAt = new AtomicLong(Long.MIN_VALUE);

    /**
     * @param derivedCpuShare how much of one core derived work may use while captures arrive, in (0, 1]
     * @param quietAfter      how long after the last capture the gateway counts as quiet again
     */
    public CaptureFirst(double derivedCpuShare, Duration quietAfter) {
        this(derivedCpuShare, quietAfter, System::nanoTime);
    }

    CaptureFirst(double derivedCpuShare, Duration quietAfter, LongSupplier clock) {
        if (!(derivedCpuShare > 0 && derivedCpuShare <= 1)) {
            throw new IllegalArgumentException("the derived work's CPU share must be in (0, 1], got " + derivedCpuShare);
        }
        this.derivedCpuShare = derivedCpuShare;
        this.quietNanos = quietAfter.toNanos();
        this.clock = clock;
    }

    public void captureStarted() {
        capturing.incrementAndGet();
    }

    public void captureEnded() {
        lastCaptureEnded.set(clock.getAsLong());
        capturing.decrementAndGet();
    }

    /** True while a capture is in flight or one ended within the quiet window. */
    public boolean capturesArriving() {
        if (derivedCpuShare >= 1) {
            return false;
        }
        long ended = lastCaptureEnded.get();
        return capturing.get() > 0 || (ended != Long.MIN_VALUE && clock.getAsLong() - ended < quietNanos);
    }

    /**
     * Runs one derived step, first waiting while captures arrive and derived work has used its share, then charging
     * the step's CPU time to derived work.
     */
    public <T> T derived(DerivedStep<T> step) throws InterruptedException {
        awaitTurn();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        try {
            return step.run();
        } finally {
            charge(THREADS.getCurrentThreadCpuTime() - cpuBefore);
        }
    }

    /** One unit of derived work. */
    @FunctionalInterface
    public interface DerivedStep<T> {
        T run() throws InterruptedException;
    }

    void awaitTurn() throws InterruptedException {
        while (capturesArriving()) {
            long due = derivedMayRunAt.get();
            long wait = due - clock.getAsLong();
            if (due == Long.MIN_VALUE || wait <= 0) {
                return;
            }
            // in slices, so derived work resumes soon after the captures stop rather than at the end of its debt
            TimeUnit.NANOSECONDS.sleep(Math.min(wait, MAX_WAIT_SLICE_NANOS));
        }
    }

    /**
     * A step used {@code cpuNanos}: while captures arrive, derived work then waits {@code cpuNanos * (1 - share) / share}
     * on top of what it already owed. What ran in a quiet moment took nobody's CPU and is not charged.
     */
    void charge(long cpuNanos) {
        if (cpuNanos <= 0 || !capturesArriving()) {
            return;
        }
        long pause = (long) (cpuNanos * (1 - derivedCpuShare) / derivedCpuShare);
        long now = clock.getAsLong();
        derivedMayRunAt.accumulateAndGet(pause, (due, added) -> Math.max(due, now) + added);
    }
}
