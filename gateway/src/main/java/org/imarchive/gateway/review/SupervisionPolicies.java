package org.imarchive.gateway.review;

import org.imarchive.archive.audit.AuditEntry;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.audit.AuditQuery;
import org.imarchive.archive.support.Sha256;
import org.imarchive.supervision.lexicon.LexiconEngine;
import org.imarchive.supervision.policy.LexiconPolicy;
import org.imarchive.supervision.policy.PolicyException;
import org.imarchive.supervision.policy.PolicyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The written, risk-based procedures in force: the lexicon policies of {@code gateway.supervision.policies-dir},
 * loaded once at start. A bad file stops start-up naming the file, line and reason; a file edited without a new
 * version stops it too; a set that differs from the last one recorded goes on the audit trail, so an examiner can
 * tell which lexicons were in force on any day.
 */
@Component
public class SupervisionPolicies implements InitializingBean {
    static final String ACTION = "supervision.policies";
    private static final Logger LOG = LoggerFactory.getLogger(SupervisionPolicies.class);

    private final ReviewProperties properties;
    private final PolicyVersions versions;
    private final AuditLog audit;
    private final Clock clock;
    private volatile LexiconEngine engine;
    private volatile List<LexiconPolicy> policies = List.of();

    public SupervisionPolicies(ReviewProperties properties, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.properties = properties;
        this.versions = new PolicyVersions(jdbc);
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        List<LexiconPolicy> policies = load();
        versions.recordOrRefuse(policies, clock.instant());
        engine = LexiconEngine.compile(policies);
        this.policies = List.copyOf(policies);
        recordIfChanged(policies);
    }

    public LexiconEngine engine() {
        return engine;
    }

    /** The policies in force, in the order they were loaded. */
    public List<LexiconPolicy> policies() {
        return policies;
    }

    private List<LexiconPolicy> load() {
        Path directory = properties.policiesDir() != null ? properties.policiesDir() : ReviewProperties.DEFAULT_POLICIES_DIR;
        if (!Files.isDirectory(directory)) {
            if (properties.policiesDir() != null) {
                throw new IllegalStateException("gateway.supervision.policies-dir: " + directory.toAbsolutePath() + " is not a directory");
            }
            LOG.warn("no lexicon policies: {} does not exist; only random sampling will put messages in the review queue",
                    directory.toAbsolutePath());
            return List.of();
        }
        try {
            return PolicyLoader.loadDirectory(directory);
        } catch (PolicyException e) {
            throw new IllegalStateException("gateway.supervision.policies-dir: " + directory.resolve(e.source()) + " line " + e.line()
                    + ", column " + e.column() + ": " + e.reason(), e);
        }
    }

    private void recordIfChanged(List<LexiconPolicy> policies) {
        String described = policies.stream()
                .map(p -> p.id() + " version " + p.version() + " " + p.contentHash() + " (" + p.source() + ")")
                .collect(Collectors.joining("\n"));
        String target = "policy set " + Sha256.hex(described.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        List<AuditEntry> last = audit.page(new AuditQuery("system", ACTION, null, null, null, 1));
        if (!last.isEmpty() && target.equals(last.get(0).target())) {
            return;
        }
        audit.record(new AuditEvent("system", ACTION, target, AuditEvent.Outcome.SUCCESS, null,
                policies.size() + " policies" + (described.isEmpty() ? "" : ":\n" + described)));
    }
}
