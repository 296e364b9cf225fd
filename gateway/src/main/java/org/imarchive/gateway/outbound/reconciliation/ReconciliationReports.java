package org.imarchive.gateway.outbound.reconciliation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.support.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.util.Optional;

/** The stored reports (table {@code reconciliation_report}): each kept whole, as JSON, beside the columns one lists by. */
final class ReconciliationReports {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReconciliationReports(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(ReconciliationReport report) {
        jdbc.update("insert into reconciliation_report (id, channel, account_id, window_from, window_to, requested_by, started_at, finished_at,"
                        + " state, listed, missing, report_json) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                report.id(), report.channel(), report.account(), Date.valueOf(report.from()), Date.valueOf(report.to()), report.requestedBy(),
                Jdbc.timestamp(report.startedAt()), Jdbc.timestamp(report.finishedAt()), report.state(), report.listed(), report.missingCount(),
                write(report));
    }

    Optional<ReconciliationReport> find(String id) {
        return jdbc.queryForList("select report_json from reconciliation_report where id = ?", String.class, id).stream().findFirst().map(this::read);
    }

    private String write(ReconciliationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write reconciliation report " + report.id(), e);
        }
    }

    private ReconciliationReport read(String text) {
        try {
            return json.readValue(text, ReconciliationReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored reconciliation report cannot be read", e);
        }
    }
}
