package org.imarchive.supervision.queue;

import java.time.Instant;

/** The append-only history of an item's review: nothing here is ever changed or removed once written. */
public final class ReviewEvidence {

    private ReviewEvidence() {
    }

    public record Comment(String id, String itemId, String author, Instant at, String body) {
    }

    /** @param escalatedTo the principal who takes the item over, for an escalation; else null */
    public record Decision(String id, String itemId, String decidedBy, Instant at, ReviewOutcome outcome, String comment,
                           String escalatedTo) {
    }

    /** @param reason {@code assigned} by a person, or {@code escalated} with a decision */
    public record Assignment(String id, String itemId, String assignee, String assignedBy, Instant at, String reason) {
    }
}
