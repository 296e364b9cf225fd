package org.imarchive.gateway.reports;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.gateway.exports.ExportProperties;
import org.imarchive.gateway.holds.LegalHolds;
import org.imarchive.gateway.review.ReviewProperties;
import org.imarchive.gateway.search.Visibility;
import org.imarchive.gateway.security.Actors;
import org.imarchive.production.report.ReportCsv;
import org.imarchive.production.report.ReportPdf;
import org.imarchive.production.report.ReportPeriod;
import org.imarchive.production.report.RetentionReport;
import org.imarchive.production.report.SupervisionReport;
import org.imarchive.production.report.SupervisionReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code GET /api/reports/supervision} and {@code /retention} with {@code from} and {@code to} (days, both inclusive, in
 * the firm's zone {@code gateway.exports.firm-zone}) and {@code format=pdf|csv}. Compliance and auditors get the whole
 * firm; a supervisor gets the supervision report of the RMs in their groups. Each report made is audited.
 */
@RestController
@RequestMapping("/api/reports")
public class ReportsController {
    private final SupervisionFactsReader facts;
    private final RetentionFactsReader retention;
    private final LegalHolds holds;
    private final Visibility visibility;
    private final ExportProperties exports;
    private final ReviewProperties review;
    private final AuditLog audit;
    private final Clock clock;

    public ReportsController(SupervisionFactsReader facts, RetentionFactsReader retention, LegalHolds holds, Visibility visibility,
                             ExportProperties exports, ReviewProperties review, AuditLog audit, Clock clock) {
        this.facts = facts;
        this.retention = retention;
        this.holds = holds;
        this.visibility = visibility;
        this.exports = exports;
        this.review = review;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/supervision")
    public ResponseEntity<byte[]> supervision(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                              @RequestParam(defaultValue = "pdf") String format, Authentication caller,
                                              HttpServletRequest http) throws IOException {
        Format output = Format.of(format);
        ReportPeriod period = new ReportPeriod(from, to, exports.firmZone());
        Set<String> rms = visibility.visibleRms(caller);
        String scope = rms == null ? "all relationship managers" : "relationship managers supervised by " + caller.getName() + ": "
                + (rms.isEmpty() ? "none" : String.join(", ", new TreeSet<>(rms)));
        SupervisionReport report = SupervisionReports.build(period, now(), caller.getName(), scope, review.sla(),
                facts.captured(period, rms), facts.approved(period, rms), facts.policyHits(period, rms), facts.items(period, rms),
                facts.assignments(period, rms), facts.decisions(period, rms));
        audited("report.supervision", period, output, scope, http);
        return file("supervision", period, output, out -> ReportPdf.supervision(report, out), () -> ReportCsv.supervision(report));
    }

    @GetMapping("/retention")
    public ResponseEntity<byte[]> retention(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                            @RequestParam(defaultValue = "pdf") String format, Authentication caller,
                                            HttpServletRequest http) throws IOException {
        Format output = Format.of(format);
        ReportPeriod period = new ReportPeriod(from, to, exports.firmZone());
        RetentionReport report = RetentionReport.of(period, now(), caller.getName(), holds.all(), retention.dispositions(period),
                retention.erasures(period));
        audited("report.retention", period, output, "the whole firm", http);
        return file("retention", period, output, out -> ReportPdf.retention(report, out), () -> ReportCsv.retention(report));
    }

    private enum Format {
        PDF, CSV;

        static Format of(String name) {
            return switch (name) {
                case "pdf" -> PDF;
                case "csv" -> CSV;
                default -> throw new IllegalArgumentException("format must be pdf or csv, not '" + name + "'");
            };
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private void audited(String action, ReportPeriod period, Format format, String scope, HttpServletRequest http) {
        audit.record(new AuditEvent(Actors.current(), action, period.from() + ".." + period.to(), AuditEvent.Outcome.SUCCESS,
                Actors.addressOf(http), "format=" + format.name().toLowerCase() + " zone=" + period.zone().getId() + " scope=" + scope));
    }

    private interface PdfWriter {
        void write(OutputStream out) throws IOException;
    }

    private static ResponseEntity<byte[]> file(String kind, ReportPeriod period, Format format, PdfWriter pdf, Supplier<String> csv)
            throws IOException {
        byte[] body;
        if (format == Format.PDF) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.write(out);
            body = out.toByteArray();
        } else {
            body = csv.get().getBytes(StandardCharsets.UTF_8);
        }
        String name = kind + "-report-" + period.from() + "-" + period.to() + (format == Format.PDF ? ".pdf" : ".csv");
        return ResponseEntity.ok()
                .contentType(format == Format.PDF ? MediaType.APPLICATION_PDF : MediaType.parseMediaType("text/csv; charset=utf-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }
}
