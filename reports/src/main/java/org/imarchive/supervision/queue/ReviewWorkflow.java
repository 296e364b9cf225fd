package org.imarchive.supervision.queue;

/**
 * The state machine of an item: open → in_review → closed. Assigning puts an item in review; a decision of no issue
 * or action taken closes it; an escalation keeps it in review with a principal, whose own decision closes it (or
 * escalates it further). A closed item takes no more decisions or assignments: its evidence is final.
 */
public final class ReviewWorkflow {

    private ReviewWorkflow() {
    }

    public static ReviewState afterAssignment(ReviewState current) {
        if (current == ReviewState.CLOSED) {
            throw new ReviewConflict("the item is closed; a closed review is not reassigned");
        }
        return ReviewState.IN_REVIEW;
    }

    public static ReviewState afterDecision(ReviewState current, ReviewOutcome outcome) {
        if (current == ReviewState.CLOSED) {
            throw new ReviewConflict("the item is closed; its decision stands and is not replaced");
        }
        return outcome == ReviewOutcome.ESCALATED ? ReviewState.IN_REVIEW : ReviewState.CLOSED;
    }
}
