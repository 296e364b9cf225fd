package org.imarchive.production.report;

import org.imarchive.retention.disposition.DisposedRecord;
import org.imarchive.retention.disposition.DispositionCertificate;
import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.LegalHold;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.imarchive.production.report.SupervisionFacts.Assignment;
import static org.imarchive.production.report.SupervisionFacts.Decision;
import static org.imarchive.production.report.SupervisionFacts.Item;

/**
 * November 2026 in New York (the clocks go back on the 1st, so the month starts at 04:00 UTC and ends at 05:00 UTC), and
 * what happened around it, with the figures each report must give worked out by hand in the tests.
 */
final class KnownPeriod {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ReportPeriod NOVEMBER = new ReportPeriod(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), NEW_YORK);
    static final Instant GENERATED = Instant.parse("2026-12-02T15:00:00Z");
    static final Duration SLA = Duration.ofDays(3);
    static final String MATTER = "Дело № 5 — 证券 — قضية — Müller";

    private KnownPeriod() {
    }

    static SupervisionReport supervision() {
        return SupervisionReports.build(NOVEMBER, GENERATED, "compliance", "all relationship managers", SLA,
                List.of(new SupervisionFacts.Captured("whatsapp", "+15550001111", "rm-anna", true, "inbound", 3),
                        new SupervisionFacts.Captured("whatsapp", "+15550001111", "rm-anna", true, "outbound", 2),
                        new SupervisionFacts.Captured("telegram", "biz-1", "rm-bob", true, "inbound", 1),
                        new SupervisionFacts.Captured("whatsapp", "+15559999999", null, false, "inbound", 4)),
                List.of(new SupervisionFacts.ApprovedAccount("whatsapp", "+15550001111", "rm-anna", at("2026-11-29T10:00:00Z")),
                        new SupervisionFacts.ApprovedAccount("telegram", "biz-1", "rm-bob", at("2026-11-02T10:00:00Z")),
                        new SupervisionFacts.ApprovedAccount("whatsapp", "+15550002222", "rm-anna", at("2026-10-15T12:00:00Z")),
                        new SupervisionFacts.ApprovedAccount("telegram", "biz-2", "rm-carl", null)),
                List.of(new SupervisionFacts.PolicyHits("securities-fraud", 5, 3), new SupervisionFacts.PolicyHits("gifts", 1, 1)),
                List.of(new Item("i1", "rm-anna", List.of("lexicon:gifts"), at("2026-11-03T15:00:00Z"), at("2026-11-04T15:00:00Z")),
                        new Item("i2", "rm-anna", List.of("sample"), at("2026-11-10T15:00:00Z"), null),
                        // 20:00 in New York on the 29th: within three days of the end, not overdue
                        new Item("i3", "rm-bob", List.of("lexicon:securities-fraud", "sample"), at("2026-11-30T01:00:00Z"), null),
                        new Item("i4", "rm-anna", List.of("lexicon:securities-fraud"), at("2026-10-20T15:00:00Z"), at("2026-11-02T15:00:00Z")),
                        new Item("i5", "rm-bob", List.of("scan-problem:securities-fraud"), at("2026-10-25T15:00:00Z"), null),
                        // 23:30 on the 30th in New York, already December in UTC: in the period
                        new Item("i6", "rm-anna", List.of("lexicon:securities-fraud"), at("2026-12-01T04:30:00Z"), null),
                        // 00:30 on 1 December in New York: after the period, not counted
                        new Item("i7", "rm-anna", List.of("lexicon:gifts"), at("2026-12-01T05:30:00Z"), null)),
                List.of(new Assignment("i2", "rex", at("2026-11-11T15:00:00Z")),
                        new Assignment("i4", "rita", at("2026-10-21T15:00:00Z")),
                        new Assignment("i5", "rex", at("2026-10-26T15:00:00Z")),
                        new Assignment("i5", "sam", at("2026-12-02T15:00:00Z"))),
                List.of(new Decision("i1", "rita", at("2026-11-04T15:00:00Z")),
                        new Decision("i4", "rita", at("2026-11-02T15:00:00Z")),
                        new Decision("i3", "rita", at("2026-12-01T15:00:00Z"))));
    }

    static List<LegalHold> holds() {
        HoldScope scope = new HoldScope(Set.of("rm-anna"), null, null, "insider", null, null);
        return List.of(
                new LegalHold("h1", "SEC 2026-1", "preserve", "compliance", at("2026-10-01T12:00:00Z"), scope, null),
                LegalHold.place(MATTER, "litigation, \"urgent\", see memo", "compliance", at("2026-11-05T12:00:00Z"), scope)
                        .release("legal", at("2026-11-20T12:00:00Z"), "=settled, no appeal"),
                new LegalHold("h3", "FINRA 7", "preserve", "compliance", at("2026-10-02T12:00:00Z"), scope, null)
                        .release("legal", at("2026-12-01T04:00:00Z"), "closed"),
                new LegalHold("h4", "Late", "preserve", "compliance", at("2026-12-01T06:00:00Z"), scope, null),
                new LegalHold("h5", "Ongoing", "preserve", "compliance", at("2026-11-10T12:00:00Z"), scope, null)
                        .release("legal", at("2026-12-03T12:00:00Z"), "done"));
    }

    /**
     * Four dispositions, the second and third in November (the third at 23:30 on the 30th in New York): 3 + 2 records
     * disposed, 2 + 1 held back by holds.
     */
    static List<RetentionReport.Disposition> dispositions() {
        return List.of(new RetentionReport.Disposition(certificate(1, at("2026-10-31T12:00:00Z"), 4), "schedule", 9, 0),
                new RetentionReport.Disposition(certificate(2, at("2026-11-10T12:00:00Z"), 3), "schedule", 2, 1),
                new RetentionReport.Disposition(certificate(3, at("2026-12-01T04:30:00Z"), 2), "erasure:e1", 1, 0),
                new RetentionReport.Disposition(certificate(4, at("2026-12-01T05:30:00Z"), 5), "schedule", 0, 0));
    }

    /** Three erasure requests, the last two in November. */
    static List<RetentionReport.Erasure> erasures() {
        return List.of(new RetentionReport.Erasure("e0", "DSAR-0", "compliance", at("2026-10-20T12:00:00Z"), "answered", 0, 0, 1, 0, 1),
                new RetentionReport.Erasure("e1", "DSAR-1", "compliance", at("2026-11-20T12:00:00Z"), "erased", 2, 2, 3, 1, 3),
                new RetentionReport.Erasure("e2", "DSAR-2", "legal", at("2026-11-25T12:00:00Z"), "answered", 0, 0, 0, 2, 2));
    }

    static RetentionReport retention() {
        return RetentionReport.of(NOVEMBER, GENERATED, "auditor", holds(), dispositions(), erasures());
    }

    private static DispositionCertificate certificate(long serial, Instant issuedAt, int records) {
        String planId = "plan-" + serial;
        List<DisposedRecord> disposed = IntStream.range(0, records).mapToObj(i -> new DisposedRecord("r" + serial + "-" + i, "ab".repeat(32),
                LocalDate.of(2026, 10, 1), "sec-17a4-3y", "SEC 17a-4(b)(4)", planId, "legal", issuedAt)).toList();
        return new DispositionCertificate(serial, "cert-" + serial, planId, "cd".repeat(32), "compliance", "legal", issuedAt, issuedAt,
                disposed, "00".repeat(32), String.format("%064d", serial));
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
