package org.imarchive.production.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** What the supervision report is built from, as the gateway reads it from the archive, the register and the queue. */
public final class SupervisionFacts {

    private SupervisionFacts() {
    }

    /**
     * Messages of one account and direction sent in the period.
     *
     * @param rm       the account's owner in the register, or null (an unowned or unregistered account)
     * @param approved whether the register approves the account (messages of others are archived and quarantined)
     */
    public record Captured(String platform, String account, String rm, boolean approved, String direction, long messages) {
    }

    /**
     * An account the register approved before the period ended and has not revoked.
     *
     * @param lastMessageAt the last message sent on it before the period ended, or null if none ever
     */
    public record ApprovedAccount(String platform, String account, String rm, Instant lastMessageAt) {
    }

    /** Lexicon hits of one policy on items filed in the period. */
    public record PolicyHits(String policyId, long hits, long items) {
    }

    /**
     * A review item that was open at some time in the period (filed before its end, not closed before its start).
     *
     * @param reasons  {@code lexicon:<policy>}, {@code scan-problem:<policy>}, {@code sample}
     * @param closedAt null while not closed
     */
    public record Item(String itemId, String rm, List<String> reasons, Instant createdAt, Instant closedAt) {
        public Item {
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(createdAt, "createdAt");
            reasons = List.copyOf(reasons);
        }

        boolean sampled() {
            return reasons.contains("sample");
        }

        boolean flagged() {
            return reasons.stream().anyMatch(reason -> !reason.equals("sample"));
        }
    }

    /** An item given to a reviewer (assigned, or escalated to a principal). */
    public record Assignment(String itemId, String assignee, Instant assignedAt) {
    }

    /** A decision a reviewer recorded on an item. */
    public record Decision(String itemId, String decidedBy, Instant decidedAt) {
    }
}
