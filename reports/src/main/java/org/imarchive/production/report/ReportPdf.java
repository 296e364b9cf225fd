package org.imarchive.production.report;

import org.imarchive.production.BatesFormat;
import org.imarchive.production.pdf.ReportDocument;
import org.imarchive.production.pdf.TranscriptFonts;
import org.imarchive.production.view.Timestamps;
import org.imarchive.retention.hold.LegalHold;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The reports as PDF/A-2b, with the transcripts' shipped fonts (every script, embedded). Each page is numbered
 * ({@code SUP0001}, {@code RET0001}) and its footer names the report and its period. Times are shown in UTC and in the
 * firm's zone.
 */
public final class ReportPdf {

    private ReportPdf() {
    }

    public static void supervision(SupervisionReport report, OutputStream out) throws IOException {
        Timestamps times = new Timestamps(report.period().zone());
        try (TranscriptFonts fonts = new TranscriptFonts();
             ReportDocument pdf = new ReportDocument(fonts, new BatesFormat("SUP", 1, 4), "Supervision report",
                     "Supervision report  ·  " + report.period())) {
            header(pdf, "Supervision report", report.period(), report.generatedAt(), report.generatedBy(), times);
            pdf.line("Scope: " + report.scope());
            pdf.line("Review SLA: " + duration(report.reviewSla()) + " (an item not closed this long after it was filed is overdue)");
            SupervisionReport.ReviewerWork totals = report.reviewerTotals();
            pdf.line("Messages captured: " + report.messages() + "  ·  approved accounts gone quiet: " + report.quietAccounts().size()
                    + "  ·  lexicon hits: " + report.hits());
            pdf.line("Review items flagged: " + totals.flagged() + "  ·  sampled: " + totals.sampled() + "  ·  reviewed: " + totals.reviewed()
                    + "  ·  open at the period's end: " + totals.open() + "  ·  of them overdue: " + totals.overdue());

            pdf.heading("Messages captured per account");
            table(pdf, List.of("Platform", "Account", "RM", "Approved", "Inbound", "Outbound", "Total"), new float[]{1.2f, 2.2f, 1.6f, 1, 1, 1, 1},
                    report.accounts(), a -> List.of(a.platform(), a.account(), a.rm(), a.approved() ? "yes" : "no",
                            n(a.inbound()), n(a.outbound()), n(a.total())));
            pdf.note("Messages of an account the register does not approve (Approved: no) were archived and quarantined.");
            pdf.heading("Messages captured per relationship manager");
            table(pdf, List.of("RM", "Accounts", "Messages"), new float[]{3, 1, 1}, report.rms(),
                    rm -> List.of(rm.rm(), n(rm.accounts()), n(rm.messages())));
            pdf.heading("Approved accounts gone quiet (no message in the period)");
            table(pdf, List.of("Platform", "Account", "RM", "Last message"), new float[]{1.2f, 2.2f, 1.6f, 4}, report.quietAccounts(),
                    q -> List.of(q.platform(), q.account(), q.rm(), q.lastMessageAt() == null ? "never" : times.both(q.lastMessageAt())));
            pdf.heading("Lexicon hits per policy (items filed in the period)");
            table(pdf, List.of("Policy", "Hits", "Items"), new float[]{3, 1, 1}, report.policies(),
                    p -> List.of(p.policyId(), n(p.hits()), n(p.items())));
            pdf.heading("Review work per reviewer");
            List<SupervisionReport.ReviewerWork> rows = new ArrayList<>(report.reviewers());
            rows.add(totals);
            table(pdf, List.of("Reviewer", "Flagged", "Sampled", "Reviewed", "Open at end", "Overdue at end"), new float[]{2.4f, 1, 1, 1, 1, 1},
                    rows, r -> List.of(r.reviewer(), n(r.flagged()), n(r.sampled()), n(r.reviewed()), n(r.open()), n(r.overdue())));
            pdf.note("Flagged and sampled: items filed in the period, by whose they were at its end (who closed them, else their last "
                    + "assignee). Reviewed: items the reviewer decided in the period. Open and overdue: items not closed at the period's end.");
            pdf.writeTo(out, report.generatedAt(), "supervision|" + report.period() + "|" + report.scope() + "|" + report.generatedAt());
        }
    }

    public static void retention(RetentionReport report, OutputStream out) throws IOException {
        Timestamps times = new Timestamps(report.period().zone());
        try (TranscriptFonts fonts = new TranscriptFonts();
             ReportDocument pdf = new ReportDocument(fonts, new BatesFormat("RET", 1, 4), "Retention report",
                     "Retention report  ·  " + report.period())) {
            header(pdf, "Retention report", report.period(), report.generatedAt(), report.generatedBy(), times);
            pdf.line("Legal holds placed: " + report.placed().size() + "  ·  in force at the period's end: " + report.activeAtEnd().size()
                    + "  ·  released: " + report.released().size());
            pdf.line("Disposition certificates issued: " + report.dispositions().size() + "  ·  records disposed: " + report.recordsDisposed()
                    + "  ·  held back by legal holds: " + report.recordsHeldBackByHolds());
            pdf.line("Erasure requests answered: " + report.erasures().size());

            pdf.heading("Legal holds placed in the period");
            table(pdf, List.of("Hold", "Matter", "Placed", "Reason", "Scope"), new float[]{2.2f, 1.6f, 2.2f, 1.6f, 2.4f}, report.placed(),
                    h -> List.of(h.id(), h.matter(), h.placedBy() + ", " + times.utc(h.placedAt()), h.reason(), ReportCsv.describe(h.scope())));
            pdf.heading("Legal holds in force at the period's end");
            table(pdf, List.of("Hold", "Matter", "Placed", "Scope"), new float[]{2.2f, 1.8f, 2.2f, 3.6f}, report.activeAtEnd(),
                    h -> List.of(h.id(), h.matter(), h.placedBy() + ", " + times.utc(h.placedAt()), ReportCsv.describe(h.scope())));
            pdf.heading("Legal holds released in the period");
            table(pdf, List.of("Hold", "Matter", "Released", "Reason"), new float[]{2.2f, 1.8f, 2.4f, 3.4f}, report.released(),
                    h -> List.of(h.id(), h.matter(), released(h, times), h.release().reason()));
            pdf.heading("Dispositions in the period");
            table(pdf, List.of("Certificate", "Plan", "Approved", "Disposed", "Held back by holds", "Withdrawn"),
                    new float[]{2.4f, 2.2f, 2.2f, 1f, 1.2f, 1f}, report.dispositions(),
                    d -> List.of("No. " + d.certificate().serial() + ", " + times.utc(d.certificate().issuedAt()) + ", sha256 "
                                    + d.certificate().certificateHash(), d.certificate().planId() + " (" + d.origin() + "), planned by "
                                    + d.certificate().plannedBy(), d.certificate().approvedBy() + ", " + times.utc(d.certificate().approvedAt()),
                            n(d.disposed()), n(d.heldBackByHolds()), n(d.withdrawn())));
            pdf.heading("Erasure requests answered in the period");
            table(pdf, List.of("Request", "Requested", "State", "Erasable", "Erased", "Kept: duty (17(3)(b))", "Kept: hold (17(3)(e))"),
                    new float[]{2.4f, 2.2f, 1.4f, 1f, 1f, 1.2f, 1.2f}, report.erasures(),
                    e -> List.of(e.reference() + " (" + e.id() + ")", e.requestedBy() + ", " + times.utc(e.requestedAt()), e.state(),
                            n(e.erasable()), n(e.erased()), n(e.keptRetentionDuty()), n(e.keptLegalHold())));
            pdf.line("Held back by holds: expired records a plan kept because a legal hold covered them, and those withdrawn at approval"
                    + " because a hold had come to cover them. A record kept on both erasure grounds counts under each.");
            pdf.writeTo(out, report.generatedAt(), "retention|" + report.period() + "|" + report.generatedAt());
        }
    }

    private static void header(ReportDocument pdf, String title, ReportPeriod period, Instant generatedAt, String generatedBy, Timestamps times)
            throws IOException {
        pdf.title(title);
        pdf.line("Period: " + period.from() + " to " + period.to() + " inclusive, in " + period.zone().getId()
                + " (" + times.utc(period.start()) + " up to " + times.utc(period.end()) + ")");
        pdf.line("Generated " + times.both(generatedAt) + " by " + generatedBy);
    }

    private static <T> void table(ReportDocument pdf, List<String> header, float[] shares, List<T> items, Function<T, List<String>> row)
            throws IOException {
        if (items.isEmpty()) {
            pdf.line("None.");
            return;
        }
        pdf.table(header, shares, items.stream().map(row).toList());
    }

    private static String released(LegalHold hold, Timestamps times) {
        return hold.release().releasedBy() + ", " + times.utc(hold.release().releasedAt());
    }

    private static String duration(java.time.Duration duration) {
        return duration.toSeconds() % 86_400 == 0 ? duration.toDays() + " days" : duration.toString();
    }

    private static String n(long value) {
        return Long.toString(value);
    }
}
