package org.imarchive.retention.disposition;

import java.time.LocalDate;

/** A record a plan proposes to destroy, with the rule whose period has run out. */
public record PlannedDisposal(String recordId, String recordHash, LocalDate expiresOn, String retentionClass, String legalBasis) {
}
