package org.imarchive.supervision.sampling;

/**
 * Whether a message was sampled, with what an examiner needs to check it: the seed's id, the value computed from
 * the seed and the message id, and the rate it was compared with.
 *
 * @param value HMAC-SHA256(seed key, UTF-8 message id): its first 8 bytes as an unsigned big-endian number, top 53
 *              bits, divided by 2^53; uniform in [0, 1)
 */
public record SampleDecision(String messageId, String seedId, double value, double rate, boolean selected, Reason reason) {

    public enum Reason {
        /** The value is below the rate. */
        RATE,
        /** Too few messages fell below the rate at the period's close; the lowest values made up the minimum. */
        MINIMUM,
        NOT_SELECTED
    }
}
