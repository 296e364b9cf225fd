package org.imarchive.gateway.outbound.reconciliation;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.gateway.api.ApiException;
import org.imarchive.gateway.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /api/reconciliations} runs a reconciliation and answers its report (201; 502 when Twilio cut the run
 * short, the report saying why); {@code GET /api/reconciliations/{id}} reads a stored one.
 */
@RestController
public class ReconciliationController {
    private final ReconciliationService service;
    private final AuditLog audit;

    public ReconciliationController(ReconciliationService service, AuditLog audit) {
        this.service = service;
        this.audit = audit;
    }

    /** @param from the first UTC day, {@code YYYY-MM-DD}; {@code to} the last, included */
    public record Request(String channel, String account, String from, String to) {
    }

    @PostMapping("/api/reconciliations")
    public ResponseEntity<ReconciliationReport> run(@RequestBody Request request, HttpServletRequest http) {
        if (!ReconciliationService.CHANNEL.equals(request.channel())) {
            throw new IllegalArgumentException("channel must be twilio: it is the platform whose message list can be reconciled against");
        }
        ReconciliationReport report = service.run(request.account(), date(request.from(), "from"), date(request.to(), "to"),
                Actors.current(), Actors.addressOf(http));
        return ResponseEntity.status(report.state().equals("complete") ? HttpStatus.CREATED : HttpStatus.BAD_GATEWAY).body(report);
    }

    @GetMapping("/api/reconciliations/{id}")
    public ReconciliationReport report(@PathVariable String id, HttpServletRequest http) {
        ReconciliationReport report = service.report(id).orElse(null);
        audit.record(new AuditEvent(Actors.current(), "reconciliation.view", id,
                report == null ? AuditEvent.Outcome.FAILED : AuditEvent.Outcome.SUCCESS, Actors.addressOf(http), null));
        if (report == null) {
            throw ApiException.notFound("reconciliation " + id);
        }
        return report;
    }

    private static LocalDate date(String value, String name) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date, YYYY-MM-DD");
        }
    }
}
