package org.imarchive.archive.audit;

import java.util.Objects;

/**
 * Something to put on the record. {@code details} says what was asked (a search's query, a refusal's reason);
 * it must never carry message text, tokens or secrets.
 */
public record AuditEvent(String actor, String action, String target, Outcome outcome, String remoteAddress, String details) {

    public enum Outcome {
        SUCCESS, REFUSED, FAILED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AuditEvent {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
        if (details != null && details.length() > 4000) {
            details = details.substring(0, 3999) + "…";
        }
    }

    public static AuditEvent success(String actor, String action, String target) {
        return new AuditEvent(actor, action, target, Outcome.SUCCESS, null, null);
    }

    public AuditEvent from(String address) {
        return new AuditEvent(actor, action, target, outcome, address, details);
    }

    public AuditEvent withDetails(String text) {
        return new AuditEvent(actor, action, target, outcome, remoteAddress, text);
    }
}
