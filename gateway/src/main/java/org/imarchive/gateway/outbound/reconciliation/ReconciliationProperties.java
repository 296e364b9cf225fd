package org.imarchive.gateway.outbound.reconciliation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * {@code gateway.reconciliation.*}: the scheduled completeness check against Twilio.
 *
 * @param schedule       a Spring cron expression; {@code -} (the default) schedules nothing
 * @param twilioAccounts the business numbers to reconcile on each run
 * @param windowDays     how many UTC days back each run covers, today included; two catch a late day's messages
 */
@Validated
@ConfigurationProperties("gateway.reconciliation")
public record ReconciliationProperties(@NotBlank @DefaultValue("-") String schedule,
                                       @DefaultValue List<String> twilioAccounts,
                                       @Positive @DefaultValue("2") int windowDays) {
}
