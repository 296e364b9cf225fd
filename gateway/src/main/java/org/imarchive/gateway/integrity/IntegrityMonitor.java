package org.imarchive.gateway.integrity;

import org.imarchive.archive.ledger.ArchiveVerifier;
import org.imarchive.archive.ledger.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Runs the verifier on a schedule ({@code gateway.integrity.check-interval}). A mismatch is logged as an alert and
 * turns the {@code archiveIntegrity} health component DOWN until a later check passes.
 */
@Component("archiveIntegrity")
public class IntegrityMonitor implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(IntegrityMonitor.class);

    private final ArchiveVerifier verifier;
    private final Clock clock;
    private volatile VerificationReport lastReport;
    private volatile Instant lastCheck;

    public IntegrityMonitor(ArchiveVerifier verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${gateway.integrity.initial-delay:PT1M}", fixedDelayString = "${gateway.integrity.check-interval:PT6H}")
    public VerificationReport check() {
        VerificationReport report = verifier.verify();
        lastReport = report;
        lastCheck = clock.instant();
        if (report.intact()) {
            LOG.info("integrity self-check: {}", report.summary());
        } else {
            LOG.error("ALERT integrity self-check failed: {}", report.summary());
        }
        return report;
    }

    @Override
    public Health health() {
        VerificationReport report = lastReport;
        if (report == null) {
            return Health.unknown().withDetail("lastCheck", "not yet run").build();
        }
        Health.Builder health = report.intact() ? Health.up() : Health.down().withDetail("firstProblem", report.problems().get(0).toString());
        return health.withDetail("lastCheck", lastCheck.toString()).withDetail("summary", report.summary()).build();
    }
}
