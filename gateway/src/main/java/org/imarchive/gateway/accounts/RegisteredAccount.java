package org.imarchive.gateway.accounts;

import org.imarchive.archive.model.Platform;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of the register, with who asked, who decided, when and why, and what retention rules match on besides
 * platform and account (business line and jurisdiction, either unknown as null).
 */
public record RegisteredAccount(
        String id,
        Platform platform,
        String accountId,
        String owner,
        String justification,
        LocalDate reviewDate,
        State state,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionComment,
        String source,
        String businessLine,
        String jurisdiction) {

    /** Approved, now or until it was revoked: its owner was sanctioned to use it and answers for its messages. */
    public boolean wasSanctioned() {
        return state == State.APPROVED || state == State.REVOKED;
    }

    public enum State { REQUESTED, APPROVED, REJECTED, REVOKED }
}
