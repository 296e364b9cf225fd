package org.imarchive.archive.audit;

import java.time.Instant;

/** A page of the audit trail, newest first; every filter is optional. */
public record AuditQuery(String actor, String action, Instant from, Instant to, Long beforeSerial, int size) {
    public AuditQuery {
        if (size < 1 || size > 1000) {
            throw new IllegalArgumentException("size must be between 1 and 1000");
        }
    }
}
