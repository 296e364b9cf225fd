package org.imarchive.supervision.queue;

import java.time.Duration;
import java.time.Instant;

/**
 * How long an item has waited, and whether it waited longer than the written procedure allows (the SLA). An item
 * stops ageing when it closes; a closed item is never overdue, however late it was closed.
 */
public final class ReviewAge {

    private ReviewAge() {
    }

    /** Whole days from creation to closure, or to now while the item is open or in review. */
    public static long ageDays(Instant createdAt, Instant closedAt, Instant now) {
        Instant end = closedAt != null ? closedAt : now;
        return Math.max(0, Duration.between(createdAt, end).toDays());
    }

    public static boolean overdue(ReviewState state, Instant createdAt, Duration sla, Instant now) {
        return state != ReviewState.CLOSED && createdAt.plus(sla).isBefore(now);
    }

    /** Items created before this instant and not closed are overdue: what the page query compares with. */
    public static Instant overdueIfCreatedBefore(Duration sla, Instant now) {
        return now.minus(sla);
    }
}
