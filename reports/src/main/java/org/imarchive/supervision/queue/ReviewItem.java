package org.imarchive.supervision.queue;

import org.imarchive.supervision.policy.Severity;

import java.time.Instant;
import java.util.List;

/**
 * An item of the queue as it stands: what was flagged (one message version), why, for whom, and where its review is.
 *
 * @param recordId      the message version the item is about (the original or an edit)
 * @param rm            the relationship manager owning the message's account when it was scanned; null if none
 * @param group         the supervision group the item was routed to; null when the RM is in no group
 * @param reasons       why it is in the queue: {@code lexicon:<policy>}, {@code scan-problem:<policy>}, {@code sample}
 * @param severity      the highest severity among its hits; null for an item that is only sampled
 * @param sample        the sampling decision that put it here, as evidence; null when it was not sampled
 */
public record ReviewItem(
        String id,
        String messageId,
        String recordId,
        Integer versionNumber,
        String rm,
        String group,
        List<String> reasons,
        Severity severity,
        int riskScore,
        ReviewState state,
        ReviewOutcome outcome,
        String assignee,
        Instant createdAt,
        Instant closedAt,
        Sample sample) {

    public ReviewItem {
        reasons = List.copyOf(reasons);
    }

    /** @param value the message's sampling value, compared with the rate; recomputable from the seed and the id */
    public record Sample(String seedId, double value, double rate, String reason) {
    }
}
