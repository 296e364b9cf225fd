package org.imarchive.retention.disposition;

/** A record taken out of an approved plan at execution time, and why (held since, changed, extended, gone). */
public record Withdrawal(String recordId, String reason) {
}
