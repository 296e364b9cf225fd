package org.imarchive.production.report;

import org.imarchive.retention.disposition.DispositionCertificate;
import org.imarchive.retention.hold.LegalHold;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The retention report of a period: the legal holds placed in it, in force at its end, and released in it (a hold
 * placed and released within the period is in the first and the last list); the dispositions whose certificate was
 * issued in it; and the erasure requests answered in it.
 */
public record RetentionReport(ReportPeriod period, Instant generatedAt, String generatedBy, List<LegalHold> placed,
                              List<LegalHold> activeAtEnd, List<LegalHold> released, List<Disposition> dispositions,
                              List<Erasure> erasures) {

    /**
     * A disposition carried out, as its certificate proves it.
     *
     * @param origin          where its plan came from: {@code schedule}, {@code request} or {@code erasure:<request id>}
     * @param heldBackByHolds expired records the plan kept because legal holds covered them, and those withdrawn at
     *                        execution because a hold had come to cover them since
     * @param withdrawn       records withdrawn at execution for any other reason (retention extended, record changed or gone)
     */
    public record Disposition(DispositionCertificate certificate, String origin, int heldBackByHolds, int withdrawn) {
        public Disposition {
            Objects.requireNonNull(certificate, "certificate");
        }

        public int disposed() {
            return certificate.records().size();
        }
    }

    /**
     * An erasure request (GDPR Art. 17) and the answer given when it was made.
     *
     * @param state             {@code answered} (nothing erasable), {@code awaiting-approval} or {@code erased}
     * @param erased            records erased so far by the request's disposition
     * @param keptRetentionDuty records kept under Art. 17(3)(b), a retention duty
     * @param keptLegalHold     records kept under Art. 17(3)(e), a legal hold; a record kept on both grounds counts in both
     * @param kept              records kept, each once
     */
    public record Erasure(String id, String reference, String requestedBy, Instant requestedAt, String state, int erasable, int erased,
                          int keptRetentionDuty, int keptLegalHold, int kept) {
    }

    public RetentionReport {
        placed = List.copyOf(placed);
        activeAtEnd = List.copyOf(activeAtEnd);
        released = List.copyOf(released);
        dispositions = List.copyOf(dispositions);
        erasures = List.copyOf(erasures);
    }

    /**
     * Sorts what is given (every hold, disposition and erasure request ever made will do) into the period's lists,
     * oldest first.
     */
    public static RetentionReport of(ReportPeriod period, Instant generatedAt, String generatedBy, List<LegalHold> holds,
                                     List<Disposition> dispositions, List<Erasure> erasures) {
        Instant end = period.end();
        Comparator<LegalHold> oldestFirst = Comparator.comparing(LegalHold::placedAt).thenComparing(LegalHold::id);
        return new RetentionReport(period, generatedAt, generatedBy,
                holds.stream().filter(hold -> period.contains(hold.placedAt())).sorted(oldestFirst).toList(),
                holds.stream().filter(hold -> hold.placedAt().isBefore(end)
                        && (hold.release() == null || !hold.release().releasedAt().isBefore(end))).sorted(oldestFirst).toList(),
                holds.stream().filter(hold -> hold.release() != null && period.contains(hold.release().releasedAt()))
                        .sorted(Comparator.comparing((LegalHold hold) -> hold.release().releasedAt()).thenComparing(LegalHold::id)).toList(),
                dispositions.stream().filter(disposition -> period.contains(disposition.certificate().issuedAt()))
                        .sorted(Comparator.comparingLong(disposition -> disposition.certificate().serial())).toList(),
                erasures.stream().filter(erasure -> period.contains(erasure.requestedAt()))
                        .sorted(Comparator.comparing(Erasure::requestedAt).thenComparing(Erasure::id)).toList());
    }

    public long recordsDisposed() {
        return dispositions.stream().mapToLong(Disposition::disposed).sum();
    }

    public long recordsHeldBackByHolds() {
        return dispositions.stream().mapToLong(Disposition::heldBackByHolds).sum();
    }
}
