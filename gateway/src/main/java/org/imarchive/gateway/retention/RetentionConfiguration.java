package org.imarchive.gateway.retention;

import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.retention.disposition.DispositionPlanner;
import org.imarchive.retention.erasure.ErasureEvaluator;
import org.imarchive.retention.hold.HoldEvaluator;
import org.imarchive.retention.hold.HoldQueryMatcher;
import org.imarchive.retention.policy.RetentionPolicyLoader;
import org.imarchive.retention.policy.RetentionPolicySet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The retention policy, the committer's retention port, and the pure planners with the gateway's clock and holds. */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionConfiguration.class);
    private static final String SHIPPED = "shipped/retention.yml";

    /** The policy's text and where it came from: what the policy versions table keeps of each version. */
    public record PolicyText(String source, String yaml) {
    }

    @Bean
    PolicyText retentionPolicyText(RetentionProperties properties) throws IOException {
        Path file = properties.policyFile();
        if (file != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("gateway.retention.policy-file: no retention policy at " + file.toAbsolutePath()
                    + " (every record needs a retention; see docs/retention.md)");
        }
        if (file == null && Files.isRegularFile(RetentionProperties.DEFAULT_POLICY_FILE)) {
            file = RetentionProperties.DEFAULT_POLICY_FILE;
        }
        if (file != null) {
            return new PolicyText(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        LOG.warn("No {} here and no gateway.retention.policy-file: retention follows the policy shipped with the gateway"
                + " (docs/retention.md); copy it to config/ and have it reviewed", RetentionProperties.DEFAULT_POLICY_FILE);
        try (InputStream shipped = new ClassPathResource(SHIPPED).getInputStream()) {
            return new PolicyText("retention.yml (shipped)", new String(shipped.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A bad policy stops start-up; the loader names the file, line, column and reason. */
    @Bean
    RetentionPolicySet retentionPolicySet(PolicyText text) {
        return RetentionPolicyLoader.parse(text.source(), text.yaml());
    }

    @Bean
    PolicyRetentionSchedule retentionSchedule(RetentionPolicySet policies, AccountRegister accounts) {
        return new PolicyRetentionSchedule(policies, accounts);
    }

    /** The holds' query dimension is answered by the search index (the holds package's matcher). */
    @Bean
    HoldEvaluator holdEvaluator(HoldQueryMatcher queryMatcher) {
        return new HoldEvaluator(queryMatcher);
    }

    @Bean
    DispositionPlanner dispositionPlanner(HoldEvaluator holds, Clock clock) {
        return new DispositionPlanner(holds, clock);
    }

    @Bean
    ErasureEvaluator erasureEvaluator(HoldEvaluator holds) {
        return new ErasureEvaluator(holds);
    }
}
