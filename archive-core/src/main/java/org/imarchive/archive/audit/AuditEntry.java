package org.imarchive.archive.audit;

import org.imarchive.archive.ledger.HashChain;

import java.time.Instant;

/** An audit event as recorded: its place in the chain and when it happened. */
public record AuditEntry(long serial, Instant occurredAt, String actor, String action, String target,
                         AuditEvent.Outcome outcome, String remoteAddress, String details,
                         String previousHash, String entryHash) {

    static String hashOf(long serial, Instant occurredAt, AuditEvent event, String previousHash) {
        return HashChain.link(previousHash, Long.toString(serial), occurredAt.toString(), event.actor(), event.action(),
                event.target(), event.outcome().name(), event.remoteAddress(), event.details());
    }

    public AuditEvent event() {
        return new AuditEvent(actor, action, target, outcome, remoteAddress, details);
    }

    public boolean hashMatches() {
        return entryHash.equals(hashOf(serial, occurredAt, event(), previousHash));
    }
}
