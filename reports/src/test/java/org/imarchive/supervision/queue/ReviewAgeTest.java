package org.imarchive.supervision.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ReviewAgeTest {
    static final Instant CREATED = Instant.parse("2026-11-02T09:00:00Z");
    static final Duration SLA = Duration.ofDays(3);

    @Test
    void ageCountsWholeDaysUntilNowWhileOpen() {
        assertThat(ReviewAge.ageDays(CREATED, null, CREATED.plus(Duration.ofHours(23)))).isZero();
        assertThat(ReviewAge.ageDays(CREATED, null, CREATED.plus(Duration.ofDays(4).plusHours(1)))).isEqualTo(4);
    }

    @Test
    void aClosedItemStopsAgeing() {
        Instant closed = CREATED.plus(Duration.ofDays(2));
        assertThat(ReviewAge.ageDays(CREATED, closed, CREATED.plus(Duration.ofDays(30)))).isEqualTo(2);
    }

    @Test
    void overdueOnlyPastTheSlaAndOnlyUntilClosed() {
        Instant justInside = CREATED.plus(SLA);
        Instant past = justInside.plusSeconds(1);
        assertThat(ReviewAge.overdue(ReviewState.OPEN, CREATED, SLA, justInside)).isFalse();
        assertThat(ReviewAge.overdue(ReviewState.OPEN, CREATED, SLA, past)).isTrue();
        assertThat(ReviewAge.overdue(ReviewState.IN_REVIEW, CREATED, SLA, past)).isTrue();
        assertThat(ReviewAge.overdue(ReviewState.CLOSED, CREATED, SLA, past)).isFalse();
    }

    @Test
    void thePageQueryThresholdAgreesWithTheFlag() {
        Instant now = CREATED.plus(SLA).plusSeconds(1);
        assertThat(CREATED.isBefore(ReviewAge.overdueIfCreatedBefore(SLA, now))).isEqualTo(ReviewAge.overdue(ReviewState.OPEN, CREATED, SLA, now));
    }
}
