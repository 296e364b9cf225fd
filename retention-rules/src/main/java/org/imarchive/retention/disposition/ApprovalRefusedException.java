package org.imarchive.retention.disposition;

/** An approval of a disposition plan that the rules do not allow; the message says which rule. */
public final class ApprovalRefusedException extends RuntimeException {

    public ApprovalRefusedException(String message) {
        super(message);
    }
}
