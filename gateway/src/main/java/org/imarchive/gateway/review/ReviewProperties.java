package org.imarchive.gateway.review;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code gateway.supervision.*} for the review queue (the groups are {@code SupervisionGroupsProperties}).
 *
 * @param policiesDir where the lexicon policies are ({@code *.yml}); unset means {@code ./config/policies}, and then
 *                    a missing directory only warns, while a directory named here must exist
 * @param sampleRate  the share of each RM's messages sampled for review, 0 to 1
 * @param sla         how long an item may wait for its decision before it is overdue
 */
@Validated
@ConfigurationProperties("gateway.supervision")
public record ReviewProperties(Path policiesDir,
                               @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.05") double sampleRate,
                               @NotNull @DefaultValue("P3D") Duration sla) {

    public static final Path DEFAULT_POLICIES_DIR = Path.of("config", "policies");
}
