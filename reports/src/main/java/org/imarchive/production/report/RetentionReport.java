package org.imarchive.production.report;

import org.imarchive.retention.hold.LegalHold;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The retention report of a period: the legal holds placed in it, in force at its end, and released in it. A hold
 * placed and released within the period is in the first and the last list.
 */
public record RetentionReport(ReportPeriod period, Instant generatedAt, String generatedBy, List<LegalHold> placed,
                              List<LegalHold> activeAtEnd, List<LegalHold> released) {

    public RetentionReport {
        placed = List.copyOf(placed);
        activeAtEnd = List.copyOf(activeAtEnd);
        released = List.copyOf(released);
    }

    /** Sorts the holds given (every hold ever placed will do) into the period's three lists, oldest first. */
    public static RetentionReport of(ReportPeriod period, Instant generatedAt, String generatedBy, List<LegalHold> holds) {
        Instant end = period.end();
        Comparator<LegalHold> oldestFirst = Comparator.comparing(LegalHold::placedAt).thenComparing(LegalHold::id);
        return new RetentionReport(period, generatedAt, generatedBy,
                holds.stream().filter(hold -> period.contains(hold.placedAt())).sorted(oldestFirst).toList(),
                holds.stream().filter(hold -> hold.placedAt().isBefore(end)
                        && (hold.release() == null || !hold.release().releasedAt().isBefore(end))).sorted(oldestFirst).toList(),
                holds.stream().filter(hold -> hold.release() != null && period.contains(hold.release().releasedAt()))
                        .sorted(Comparator.comparing((LegalHold hold) -> hold.release().releasedAt()).thenComparing(LegalHold::id)).toList());
    }
}
