package org.imarchive.gateway.reports;

import org.imarchive.archive.support.Jdbc;
import org.imarchive.gateway.retention.Dispositions;
import org.imarchive.gateway.retention.ErasureRequests;
import org.imarchive.production.report.ReportPeriod;
import org.imarchive.production.report.RetentionReport;
import org.imarchive.retention.disposition.DispositionCertificate;
import org.imarchive.retention.erasure.ErasureGround;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the dispositions and erasure requests the retention report of a period gives: each disposition whose
 * certificate was issued in it, with what its plan held back, and each erasure request made (and so answered) in it,
 * with where it stands now.
 */
@Component
public class RetentionFactsReader {
    /** How {@link org.imarchive.retention.disposition.DispositionPlanner} names a record withdrawn because a hold covers it. */
    private static final String HELD_BY = "held by ";

    private final JdbcTemplate jdbc;
    private final Dispositions dispositions;
    private final ErasureRequests erasureRequests;

    public RetentionFactsReader(JdbcTemplate jdbc, Dispositions dispositions, ErasureRequests erasureRequests) {
        this.jdbc = jdbc;
        this.dispositions = dispositions;
        this.erasureRequests = erasureRequests;
    }

    public List<RetentionReport.Disposition> dispositions(ReportPeriod period) {
        return jdbc.query("select plan_id, certificate_json from disposition_certificate where issued_at >= ? and issued_at < ? order by serial",
                (rows, i) -> {
                    DispositionCertificate certificate = DispositionCertificate.fromJson(rows.getString(2).getBytes(StandardCharsets.UTF_8));
                    Dispositions.PlanView plan = dispositions.get(rows.getString(1));
                    int withdrawnForHolds = (int) plan.withdrawn().stream().filter(w -> w.reason().startsWith(HELD_BY)).count();
                    return new RetentionReport.Disposition(certificate, plan.origin(), plan.plan().heldBack().size() + withdrawnForHolds,
                            plan.withdrawn().size() - withdrawnForHolds);
                }, Jdbc.timestamp(period.start()), Jdbc.timestamp(period.end()));
    }

    public List<RetentionReport.Erasure> erasures(ReportPeriod period) {
        return jdbc.queryForList("select id from erasure_request where requested_at >= ? and requested_at < ? order by requested_at, id",
                        String.class, Jdbc.timestamp(period.start()), Jdbc.timestamp(period.end()))
                .stream().map(erasureRequests::get).map(RetentionFactsReader::erasure).toList();
    }

    private static RetentionReport.Erasure erasure(ErasureRequests.View request) {
        return new RetentionReport.Erasure(request.id(), request.reference(), request.requestedBy(), request.requestedAt(), request.state(),
                request.erasable().size(), request.erased().size(), keptOn(request, ErasureGround.Exemption.LEGAL_OBLIGATION),
                keptOn(request, ErasureGround.Exemption.LEGAL_CLAIMS), request.kept().size());
    }

    private static int keptOn(ErasureRequests.View request, ErasureGround.Exemption exemption) {
        return (int) request.kept().stream()
                .filter(kept -> kept.grounds().stream().anyMatch(ground -> exemption.article().equals(ground.article()))).count();
    }
}
