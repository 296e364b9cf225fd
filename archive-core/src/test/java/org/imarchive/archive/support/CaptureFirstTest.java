package org.imarchive.archive.support;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaptureFirstTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CaptureFirst gate = new CaptureFirst(0.25, Duration.ofMillis(100), now::get);

    @Test
    void capturesCountAsArrivingWhileInFlightAndForTheQuietWindowAfter() {
        assertThat(gate.capturesArriving()).isFalse();
        gate.captureStarted();
        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertThat(gate.capturesArriving()).isTrue();
        gate.captureEnded();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(99));
        assertThat(gate.capturesArriving()).isTrue();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(gate.capturesArriving()).isFalse();
    }

    @Test
    void whileCapturesArriveDerivedWorkWaitsUntilItHasUsedOnlyItsShare() throws InterruptedException {
        gate.captureStarted();
        gate.charge(TimeUnit.MILLISECONDS.toNanos(10));
        // a quarter of a core: 10 ms of CPU is followed by 30 ms of nothing
        Thread waiting = new Thread(() -> {
            try {
                gate.awaitTurn();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiting.start();
        waiting.join(200);
        assertThat(waiting.isAlive()).isTrue();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(30));
        waiting.join(1_000);
        assertThat(waiting.isAlive()).isFalse();
    }

    @Test
    void derivedWorkResumesAtFullSpeedOnceCapturesStop() throws InterruptedException {
        gate.captureStarted();
        gate.charge(TimeUnit.SECONDS.toNanos(10));
        gate.captureEnded();
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
        long started = System.nanoTime();
        gate.awaitTurn();
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void workDoneInAQuietMomentIsNotChargedToTheNextBurst() throws InterruptedException {
        gate.charge(TimeUnit.SECONDS.toNanos(10));
        gate.captureStarted();
        long started = System.nanoTime();
        gate.awaitTurn();
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void unpacedDerivedWorkNeverWaits() throws InterruptedException {
        CaptureFirst.UNPACED.captureStarted();
        try {
            assertThat(CaptureFirst.UNPACED.capturesArriving()).isFalse();
            assertThat(CaptureFirst.UNPACED.derived(() -> "ran")).isEqualTo("ran");
        } finally {
            CaptureFirst.UNPACED.captureEnded();
        }
    }

    @Test
    void aShareOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new CaptureFirst(0, Duration.ZERO)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new CaptureFirst(1.5, Duration.ZERO)).hasMessageContaining("(0, 1]");
    }
}
