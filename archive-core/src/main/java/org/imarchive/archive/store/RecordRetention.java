package org.imarchive.archive.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A record's retention as stored with it: the winning rule (its class) and legal basis, the first day it may be
 * disposed of, the policy version that decided, every rule that matched, and the facts it was decided on.
 *
 * @param expiresOn the first UTC day the record may be disposed of (it is kept through the day before)
 */
public record RecordRetention(String retentionClass, String legalBasis, LocalDate expiresOn, int policyVersion, String policyHash,
                              List<String> matchedRules, String kind, String businessLine, String jurisdiction, Instant recordTime) {

    public RecordRetention {
        Objects.requireNonNull(retentionClass, "retentionClass");
        Objects.requireNonNull(expiresOn, "expiresOn");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recordTime, "recordTime");
        matchedRules = List.copyOf(matchedRules);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
