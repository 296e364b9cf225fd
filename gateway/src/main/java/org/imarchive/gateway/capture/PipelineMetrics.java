package org.imarchive.gateway.capture;

import io.micrometer.core.instrument.MeterRegistry;
import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.pipeline.PipelineListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts what the pipeline does and raises the alerts an operator must see. Log lines name sources, sequences and
 * accounts, never message content.
 */
@Component
public class PipelineMetrics implements PipelineListener {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineMetrics.class);
    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void committed(int records, int duplicates) {
        registry.counter("imarchive.records.committed").increment(records);
        registry.counter("imarchive.records.duplicates").increment(duplicates);
    }

    @Override
    public void malformed(String source, long journalSequence, String reason) {
        registry.counter("imarchive.capture.malformed", "source", source).increment();
        LOG.error("journal record {} from {} could not be normalized: {}; it stays in the journal", journalSequence, source, reason);
    }

    @Override
    public void quarantined(AccountRef account, String messageId) {
        registry.counter("imarchive.messages.quarantined", "platform", account.platform().wireName()).increment();
        Instant now = Instant.now();
        Instant last = lastQuarantineAlert.get(account);
        // one alert per account per quarter hour: a flood from an unapproved number must not flood the log as well
        if (last == null || last.plus(ALERT_INTERVAL).isBefore(now)) {
            lastQuarantineAlert.put(account, now);
            LOG.warn("ALERT message {} belongs to account {}, which is not approved: archived and quarantined"
                    + " (further messages of this account are counted in imarchive.messages.quarantined)", messageId, account);
        }
    }

    private static final Duration ALERT_INTERVAL = Duration.ofMinutes(15);
    private final Map<AccountRef, Instant> lastQuarantineAlert = new ConcurrentHashMap<>();

    @Override
    public void listenerFailed(String listener, RuntimeException failure) {
        registry.counter("imarchive.derivation.failures", "listener", listener).increment();
        LOG.error("{} failed on committed records; they are archived and it will be rebuilt from the archive", listener, failure);
    }
}
