package org.imarchive.retention.policy;

/**
 * The outcome of re-evaluating an archived record under a new policy version.
 *
 * @param assignment the retention the record now has: the new one when extended, the existing one otherwise
 * @param proposed   what the new policy alone would have assigned; for {@link Outcome#KEPT_LONGER}, the shorter
 *                   expiry that was refused
 */
public record Reevaluation(Outcome outcome, RetentionAssignment assignment, RetentionAssignment proposed) {

    public enum Outcome {
        /** The new policy keeps the record longer; {@link #assignment()} is the new one. */
        EXTENDED,
        /** Same expiry; the existing assignment (and its class) stands. */
        UNCHANGED,
        /** The new policy would have shortened the retention; the existing, longer one stands. */
        KEPT_LONGER
    }
}
