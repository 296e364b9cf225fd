package org.imarchive.supervision.queue;

/** An action the item's state or the people involved do not allow: a decision on a closed item, a self-review. */
public final class ReviewConflict extends IllegalStateException {

    public ReviewConflict(String reason) {
        super(reason);
    }
}
