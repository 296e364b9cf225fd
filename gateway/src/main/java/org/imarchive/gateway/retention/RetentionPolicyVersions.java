package org.imarchive.gateway.retention;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.store.RetentionCatalog;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.retention.policy.PolicyChange;
import org.imarchive.retention.policy.Reevaluation;
import org.imarchive.retention.policy.ReevaluationTally;
import org.imarchive.retention.policy.RetentionAssignment;
import org.imarchive.retention.policy.RetentionPolicyLoader;
import org.imarchive.retention.policy.RetentionPolicySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The retention policy versions the gateway has run under. On start, a policy that is not the last one recorded is
 * checked against it ({@link PolicyChange#between}: never an older version, never new content under the same number;
 * either stops start-up), recorded, and every archived record re-evaluated under it: extended where the new version
 * keeps it longer, never shortened. The change and its exact tally go on the audit trail.
 */
@Component
public class RetentionPolicyVersions implements ApplicationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionPolicyVersions.class);
    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final RetentionCatalog catalog;
    private final RetentionPolicySet current;
    private final AuditLog audit;
    private final Clock clock;
    private final PolicyChange change;

    public RetentionPolicyVersions(JdbcTemplate jdbc, RetentionCatalog catalog, RetentionPolicySet current,
                                   RetentionConfiguration.PolicyText text, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.current = current;
        this.audit = audit;
        this.clock = clock;
        this.change = checkAgainstLast(text.yaml());
    }

    /** Null when the policy is the one last in force (or the first ever). */
    private PolicyChange checkAgainstLast(String yaml) {
        List<RetentionPolicySet> last = jdbc.query(
                "select source, policy_yaml from retention_policy_version order by activated_at desc, version desc fetch first 1 rows only",
                (rows, i) -> RetentionPolicyLoader.parse(rows.getString(1), rows.getString(2)));
        if (!last.isEmpty() && last.get(0).version() == current.version() && last.get(0).contentHash().equals(current.contentHash())) {
            return null;
        }
        PolicyChange checked = last.isEmpty() ? null : PolicyChange.between(last.get(0), current);
        jdbc.update("insert into retention_policy_version (version, content_hash, name, source, policy_yaml, activated_at) values (?,?,?,?,?,?)",
                current.version(), current.contentHash(), current.name(), current.source(), yaml, Jdbc.timestamp(clock.instant()));
        audit.record(new AuditEvent("system", "retention.policy.activate", current.label(), AuditEvent.Outcome.SUCCESS, null,
                checked == null ? "first retention policy of this archive"
                        : "replaces v" + checked.previous().version() + "; classes it may shorten (kept at their longer expiry): "
                        + checked.classesThatMayShorten()));
        return checked;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (change != null) {
            reevaluate();
        }
    }

    /** Re-evaluates every archived record under the new version: extend only. */
    ReevaluationTally reevaluate() {
        ReevaluationTally tally = new ReevaluationTally();
        List<RetentionCatalog.Extension> extensions = new ArrayList<>();
        catalog.forEachRetained(row -> {
            RetentionAssignment existing = RetainedRecords.assignment(row);
            Reevaluation reevaluation = RetentionPolicySet.reevaluate(existing, current);
            tally.add(existing, reevaluation);
            if (reevaluation.outcome() == Reevaluation.Outcome.EXTENDED) {
                extensions.add(new RetentionCatalog.Extension(row.recordId(),
                        PolicyRetentionSchedule.stored(reevaluation.assignment(), row.retention().kind())));
            }
        });
        for (int from = 0; from < extensions.size(); from += BATCH) {
            catalog.extend(extensions.subList(from, Math.min(extensions.size(), from + BATCH)));
        }
        String details = "v" + change.previous().version() + " -> v" + current.version() + ": extended " + tally.extendedClasses()
                + "; would have shortened, kept at their longer expiry " + tally.shortenedClasses() + "; unchanged " + tally.unchanged();
        audit.record(new AuditEvent("system", "retention.reevaluate", current.label(), AuditEvent.Outcome.SUCCESS, null, details));
        LOG.info("Retention policy {}: archived records re-evaluated, {}", current.label(), details);
        return tally;
    }
}
