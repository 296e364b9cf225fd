package org.imarchive.gateway.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * {@code gateway.retention.*}.
 *
 * @param policyFile the retention policy (docs/retention.md); unset means {@code ./config/retention.yml}, or the policy
 *                   shipped in the jar (the same file) when there is none there; a file named here must exist. A bad
 *                   file stops start-up with its line and reason.
 */
@Validated
@ConfigurationProperties("gateway.retention")
public record RetentionProperties(Path policyFile, @Valid @DefaultValue Disposition disposition) {

    public static final Path DEFAULT_POLICY_FILE = Path.of("config", "retention.yml");

    /**
     * @param schedule          cron (Spring's six fields) of the job that plans disposition; {@code -} turns it off
     * @param fourEyes          the planner of a disposition cannot approve it (on unless a one-person firm turns it off)
     * @param maxRecordsPerPlan the most records one plan proposes; the next run takes the rest
     */
    public record Disposition(@NotBlank @DefaultValue("0 30 2 * * *") String schedule, @DefaultValue("true") boolean fourEyes,
                              @Positive @DefaultValue("10000") int maxRecordsPerPlan) {
    }
}
