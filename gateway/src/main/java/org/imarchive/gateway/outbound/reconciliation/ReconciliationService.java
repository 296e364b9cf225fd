package org.imarchive.gateway.outbound.reconciliation;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.support.Ids;
import org.imarchive.connectors.platformapi.PlatformRefusedException;
import org.imarchive.connectors.twilio.TwilioReconciliation;
import org.imarchive.gateway.api.ApiException;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Runs a Twilio reconciliation for one business number and window, waits until what it archived is committed, stores
 * the report and puts the run on the audit trail. A run the platform cut short is stored too, as failed with its
 * reason: an examiner asking for the firm's completeness checks must see those as well.
 */
public class ReconciliationService {
    static final String CHANNEL = "twilio";
    private static final Duration COMMIT_WAIT = Duration.ofSeconds(60);
    private static final int MAX_WINDOW_DAYS = 366;

    private final TwilioReconciliation reconciliation;
    private final ArchivePipeline pipeline;
    private final ReconciliationReports reports;
    private final AuditLog audit;
    private final Clock clock;

    /** @param reconciliation null while Twilio's credentials are not set: every run is then refused with 503 */
    ReconciliationService(TwilioReconciliation reconciliation, ArchivePipeline pipeline, ReconciliationReports reports, AuditLog audit, Clock clock) {
        this.reconciliation = reconciliation;
        this.pipeline = pipeline;
        this.reports = reports;
        this.audit = audit;
        this.clock = clock;
    }

    public ReconciliationReport run(String account, LocalDate from, LocalDate to, String actor, String remoteAddress) {
        if (account == null || account.isBlank() || from == null || to == null) {
            throw new IllegalArgumentException("account, from and to are required");
        }
        if (to.isBefore(from) || from.plusDays(MAX_WINDOW_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("the window must run forwards and span at most " + MAX_WINDOW_DAYS + " days");
        }
        if (reconciliation == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "reconciliation needs gateway.twilio.account-sid and gateway.twilio.auth-token");
        }
        String id = Ids.newId(clock.instant());
        Instant startedAt = clock.instant();
        ReconciliationReport report;
        try {
            TwilioReconciliation.Result result = reconciliation.run(account, from, to);
            boolean committed = result.missing().isEmpty() || committed(result.missing().get(result.missing().size() - 1).journalSequence());
            List<ReconciliationReport.Missing> missing = result.missing().stream()
                    .map(m -> new ReconciliationReport.Missing(m.sid(), m.direction().wireName(), m.sentAt(), m.journalSequence())).toList();
            report = new ReconciliationReport(id, CHANNEL, account, from, to, actor, startedAt, clock.instant(), "complete", result.listed(),
                    result.archived(), missing.size(), missing, result.unreadable(), committed, null);
        } catch (PlatformRefusedException e) {
            report = new ReconciliationReport(id, CHANNEL, account, from, to, actor, startedAt, clock.instant(), "failed", null, null, null,
                    List.of(), null, null, e.getMessage());
        }
        reports.save(report);
        audit.record(new AuditEvent(actor, "reconciliation.run", CHANNEL + ":" + account,
                report.state().equals("complete") ? AuditEvent.Outcome.SUCCESS : AuditEvent.Outcome.FAILED, remoteAddress,
                "report=" + id + " window=" + from + ".." + to + (report.reason() != null ? " reason=" + report.reason()
                        : " listed=" + report.listed() + " missing=" + report.missingCount())));
        return report;
    }

    public Optional<ReconciliationReport> report(String id) {
        return reports.find(id);
    }

    private boolean committed(long sequence) {
        try {
            return pipeline.awaitCommitted(sequence, COMMIT_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
