package org.imarchive.production.report;

import org.imarchive.retention.disposition.DispositionCertificate;
import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.LegalHold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reports as CSV (RFC 4180, CRLF, UTF-8): one row per figure, so every section shares one header and a
 * spreadsheet pivots them as it likes. The first rows ({@code section=report}) say what the file is. A value a
 * spreadsheet would run as a formula (a leading {@code = + - @}) is prefixed with an apostrophe, unless it is only a
 * signed number or phone number ({@code +15550001111}), which a spreadsheet can compute nothing harmful from.
 */
public final class ReportCsv {
    public static final List<String> SUPERVISION_HEADER = List.of("section", "platform", "account", "rm", "policy", "reviewer", "metric", "value");
    public static final List<String> RETENTION_HEADER = List.of("section", "hold", "matter", "item", "metric", "value");

    private static final Pattern FORMULA = Pattern.compile("[=+\\-@\t\r]");
    private static final Pattern PHONE_OR_NUMBER = Pattern.compile("[+-][0-9 ().-]*");

    private ReportCsv() {
    }

    public static String supervision(SupervisionReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(SUPERVISION_HEADER);
        for (String[] field : reportFields("supervision", report.period(), report.generatedAt(), report.generatedBy())) {
            rows.add(List.of("report", "", "", "", "", "", field[0], field[1]));
        }
        rows.add(List.of("report", "", "", "", "", "", "scope", report.scope()));
        rows.add(List.of("report", "", "", "", "", "", "review_sla", report.reviewSla().toString()));
        for (SupervisionReport.AccountCapture account : report.accounts()) {
            for (String[] metric : new String[][]{{"approved", Boolean.toString(account.approved())}, {"inbound", n(account.inbound())},
                    {"outbound", n(account.outbound())}, {"messages", n(account.total())}}) {
                rows.add(List.of("account", account.platform(), account.account(), account.rm(), "", "", metric[0], metric[1]));
            }
        }
        for (SupervisionReport.RmCapture rm : report.rms()) {
            rows.add(List.of("rm", "", "", rm.rm(), "", "", "accounts", n(rm.accounts())));
            rows.add(List.of("rm", "", "", rm.rm(), "", "", "messages", n(rm.messages())));
        }
        for (SupervisionReport.QuietAccount quiet : report.quietAccounts()) {
            rows.add(List.of("quiet", quiet.platform(), quiet.account(), quiet.rm(), "", "", "last_message_at", instant(quiet.lastMessageAt())));
        }
        for (SupervisionFacts.PolicyHits policy : report.policies()) {
            rows.add(List.of("policy", "", "", "", policy.policyId(), "", "hits", n(policy.hits())));
            rows.add(List.of("policy", "", "", "", policy.policyId(), "", "items", n(policy.items())));
        }
        for (SupervisionReport.ReviewerWork work : report.reviewers()) {
            reviewerRows(rows, "reviewer", work.reviewer(), work);
        }
        rows.add(List.of("total", "", "", "", "", "", "messages", n(report.messages())));
        rows.add(List.of("total", "", "", "", "", "", "quiet_accounts", n(report.quietAccounts().size())));
        rows.add(List.of("total", "", "", "", "", "", "hits", n(report.hits())));
        reviewerRows(rows, "total", "", report.reviewerTotals());
        return write(rows);
    }

    public static String retention(RetentionReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(RETENTION_HEADER);
        for (String[] field : reportFields("retention", report.period(), report.generatedAt(), report.generatedBy())) {
            rows.add(List.of("report", "", "", "", field[0], field[1]));
        }
        holdRows(rows, "placed", report.placed());
        holdRows(rows, "active", report.activeAtEnd());
        holdRows(rows, "released", report.released());
        for (RetentionReport.Disposition disposition : report.dispositions()) {
            DispositionCertificate certificate = disposition.certificate();
            for (String[] metric : new String[][]{{"certificate_serial", n(certificate.serial())}, {"certificate_id", certificate.id()},
                    {"certificate_sha256", certificate.certificateHash()}, {"origin", disposition.origin()},
                    {"planned_by", certificate.plannedBy()}, {"approved_by", certificate.approvedBy()},
                    {"issued_at", instant(certificate.issuedAt())}, {"records_disposed", n(disposition.disposed())},
                    {"records_held_back_by_holds", n(disposition.heldBackByHolds())}, {"records_withdrawn", n(disposition.withdrawn())}}) {
                rows.add(List.of("disposition", "", "", certificate.planId(), metric[0], metric[1]));
            }
        }
        for (RetentionReport.Erasure erasure : report.erasures()) {
            for (String[] metric : new String[][]{{"reference", erasure.reference()}, {"requested_by", erasure.requestedBy()},
                    {"requested_at", instant(erasure.requestedAt())}, {"state", erasure.state()}, {"records_erasable", n(erasure.erasable())},
                    {"records_erased", n(erasure.erased())}, {"records_kept", n(erasure.kept())},
                    {"records_kept_retention_duty", n(erasure.keptRetentionDuty())}, {"records_kept_legal_hold", n(erasure.keptLegalHold())}}) {
                rows.add(List.of("erasure", "", "", erasure.id(), metric[0], metric[1]));
            }
        }
        rows.add(List.of("total", "", "", "", "holds_placed", n(report.placed().size())));
        rows.add(List.of("total", "", "", "", "holds_active_at_end", n(report.activeAtEnd().size())));
        rows.add(List.of("total", "", "", "", "holds_released", n(report.released().size())));
        rows.add(List.of("total", "", "", "", "certificates_issued", n(report.dispositions().size())));
        rows.add(List.of("total", "", "", "", "records_disposed", n(report.recordsDisposed())));
        rows.add(List.of("total", "", "", "", "records_held_back_by_holds", n(report.recordsHeldBackByHolds())));
        rows.add(List.of("total", "", "", "", "erasure_requests_answered", n(report.erasures().size())));
        return write(rows);
    }

    /** A hold's scope in one line: the dimensions it restricts, in the API's names. */
    public static String describe(HoldScope scope) {
        List<String> parts = new ArrayList<>();
        if (scope.query() != null) {
            parts.add("query=" + scope.query());
        }
        if (!scope.custodians().isEmpty()) {
            parts.add("custodians=" + scope.custodians().stream().sorted().collect(Collectors.joining("|")));
        }
        if (!scope.counterparties().isEmpty()) {
            parts.add("counterparties=" + scope.counterparties().stream().sorted().collect(Collectors.joining("|")));
        }
        if (!scope.conversations().isEmpty()) {
            parts.add("conversations=" + scope.conversations().stream().sorted().collect(Collectors.joining("|")));
        }
        if (scope.from() != null) {
            parts.add("from=" + scope.from());
        }
        if (scope.to() != null) {
            parts.add("to=" + scope.to());
        }
        return String.join("; ", parts);
    }

    private static void reviewerRows(List<List<String>> rows, String section, String reviewer, SupervisionReport.ReviewerWork work) {
        for (String[] metric : new String[][]{{"flagged", n(work.flagged())}, {"sampled", n(work.sampled())}, {"reviewed", n(work.reviewed())},
                {"open_at_end", n(work.open())}, {"overdue_at_end", n(work.overdue())}}) {
            rows.add(List.of(section, "", "", "", "", reviewer, metric[0], metric[1]));
        }
    }

    private static void holdRows(List<List<String>> rows, String section, List<LegalHold> holds) {
        for (LegalHold hold : holds) {
            List<String[]> metrics = new ArrayList<>(List.of(new String[]{"placed_by", hold.placedBy()}, new String[]{"placed_at", instant(hold.placedAt())},
                    new String[]{"reason", hold.reason()}, new String[]{"scope", describe(hold.scope())}));
            if (hold.release() != null) {
                metrics.add(new String[]{"released_by", hold.release().releasedBy()});
                metrics.add(new String[]{"released_at", instant(hold.release().releasedAt())});
                metrics.add(new String[]{"release_reason", hold.release().reason()});
            }
            for (String[] metric : metrics) {
                rows.add(List.of(section, hold.id(), hold.matter(), "", metric[0], metric[1]));
            }
        }
    }

    private static List<String[]> reportFields(String kind, ReportPeriod period, Instant generatedAt, String generatedBy) {
        return List.of(new String[]{"kind", kind}, new String[]{"from", period.from().toString()}, new String[]{"to", period.to().toString()},
                new String[]{"zone", period.zone().getId()}, new String[]{"start", period.start().toString()},
                new String[]{"end", period.end().toString()}, new String[]{"generated_at", generatedAt.toString()},
                new String[]{"generated_by", generatedBy});
    }

    private static String n(long value) {
        return Long.toString(value);
    }

    private static String instant(Instant value) {
        return value == null ? "" : value.toString();
    }

    private static String write(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(row.stream().map(ReportCsv::field).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String field(String value) {
        String safe = value == null ? "" : FORMULA.matcher(value).lookingAt() && !PHONE_OR_NUMBER.matcher(value).matches() ? "'" + value : value;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
