package org.imarchive.retention.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * A record's retention as decided when it was committed (or extended by a later policy version): every rule that
 * matched, the one that won (the longest), and the resulting expiry.
 *
 * <p>Expiry is a UTC calendar date: the day after the last retained day. With record date D (the UTC date of the
 * record time) and the winning period P, the record is kept through the whole of D + P and may be disposed of from
 * {@code expiresOn} = D + P + 1 day, 00:00 UTC. Counting whole days from the end of D keeps every record at least P,
 * whatever its time of day, and makes a disposition run reproducible by date.
 *
 * @param retentionClass the id of the winning rule
 * @param matchedRules   the ids of every rule that matched, in policy order (the winner among them)
 * @param policyVersion  the version of the policy that set this expiry
 * @param policyHash     that policy's content hash
 */
public record RetentionAssignment(RetentionSubject subject, String retentionClass, String legalBasis, RetentionPeriod period,
                                  List<String> matchedRules, LocalDate expiresOn, int policyVersion, String policyHash) {

    public RetentionAssignment {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(retentionClass, "retentionClass");
        Objects.requireNonNull(expiresOn, "expiresOn");
        matchedRules = List.copyOf(matchedRules);
    }

    /** The first instant the record may be disposed of. */
    public Instant expiresAt() {
        return expiresOn.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt());
    }
}
