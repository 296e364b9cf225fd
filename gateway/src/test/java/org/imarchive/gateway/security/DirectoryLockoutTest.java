package org.imarchive.gateway.security;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class DirectoryLockoutTest {
    static final SecurityProperties THREE_TRIES = new SecurityProperties(new SecurityProperties.BootstrapAdmin("admin", null), 3, Duration.ofMinutes(15));

    MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    DirectoryLockout lockout = new DirectoryLockout(THREE_TRIES, clock);

    @Test
    void theNameIsLockedAtTheLimitForTheLockoutAndThenFree() {
        assertThat(lockout.failed("rhea")).isFalse();
        assertThat(lockout.failed("RHEA")).as("names compare as the directory compares them, without case").isFalse();
        assertThat(lockout.isLocked("rhea")).isFalse();
        assertThat(lockout.failed("rhea")).isTrue();
        assertThat(lockout.isLocked("rhea")).isTrue();
        clock.advance(Duration.ofMinutes(16));
        assertThat(lockout.isLocked("rhea")).isFalse();
        assertThat(lockout.failed("rhea")).as("the count starts again after a lockout").isFalse();
    }

    @Test
    void aSuccessfulSignInForgetsTheFailures() {
        lockout.failed("cora");
        lockout.failed("cora");
        lockout.succeeded("cora");
        assertThat(lockout.failed("cora")).isFalse();
        assertThat(lockout.failed("cora")).isFalse();
        assertThat(lockout.isLocked("cora")).isFalse();
    }

    @Test
    void guessingNamesCannotGrowTheCountsWithoutBoundNorFreeALockedName() {
        for (int i = 0; i < 3; i++) {
            lockout.failed("target");
        }
        for (int i = 0; i < DirectoryLockout.MAX_TRACKED_NAMES + 500; i++) {
            clock.advance(Duration.ofMillis(1));
            lockout.failed("guess-" + i);
        }
        assertThat(lockout.trackedNames()).isLessThanOrEqualTo(DirectoryLockout.MAX_TRACKED_NAMES);
        assertThat(lockout.isLocked("target")).isTrue();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
