package org.imarchive.retention.disposition;

import java.time.Instant;
import java.time.LocalDate;

/** One destroyed record as its certificate lists it: what it was, why it could go, who approved it, when it went. */
public record DisposedRecord(String recordId, String recordHash, LocalDate expiresOn, String retentionClass, String legalBasis,
                             String planId, String approvedBy, Instant disposedAt) {
}
