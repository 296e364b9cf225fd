package org.imarchive.gateway.outbound.reconciliation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.twilio.TwilioMessagesApi;
import org.imarchive.connectors.twilio.TwilioReconciliation;
import org.imarchive.gateway.outbound.OutboundRegister;
import org.imarchive.gateway.config.TwilioApiProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The reconciliation service (refusing to run until Twilio's account SID is set) and its schedule. */
@Configuration(proxyBeanMethods = false)
public class ReconciliationConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationConfiguration.class);

    @Bean
    ReconciliationService reconciliationService(TwilioApiProperties twilio, PlatformHttp http, JdbcTemplate jdbc, OutboundRegister register,
                                                ArchivePipeline pipeline, AuditLog audit, Clock clock, ObjectMapper json) {
        TwilioReconciliation reconciliation = twilio.configured()
                ? new TwilioReconciliation(new TwilioMessagesApi(http, twilio.apiUrl(), twilio.accountSid(), twilio.authToken()),
                new ArchivedTwilioSids(jdbc, register), pipeline, clock)
                : null;
        return new ReconciliationService(reconciliation, pipeline, new ReconciliationReports(jdbc, json), audit, clock);
    }

    @Bean
    ScheduledReconciliation scheduledReconciliation(ReconciliationService service, ReconciliationProperties properties, Clock clock) {
        return new ScheduledReconciliation(service, properties, clock);
    }

    /** Each run covers the last {@code window-days} UTC days, today included, for every configured business number. */
    static final class ScheduledReconciliation {
        private final ReconciliationService service;
        private final ReconciliationProperties properties;
        private final Clock clock;

        ScheduledReconciliation(ReconciliationService service, ReconciliationProperties properties, Clock clock) {
            this.service = service;
            this.properties = properties;
            this.clock = clock;
        }

        @Scheduled(cron = "${gateway.reconciliation.schedule:-}")
        void run() {
            LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
            for (String account : properties.twilioAccounts()) {
                try {
                    ReconciliationReport report = service.run(account, today.minusDays(properties.windowDays() - 1L), today, "scheduler", null);
                    if (report.missingCount() != null && report.missingCount() > 0) {
                        LOG.warn("ALERT reconciliation {} found {} Twilio messages of {} missing from the archive; they are now archived",
                                report.id(), report.missingCount(), account);
                    }
                } catch (RuntimeException e) {
                    LOG.error("scheduled reconciliation of {} failed: {}", account, e.getMessage());
                }
            }
        }
    }
}
