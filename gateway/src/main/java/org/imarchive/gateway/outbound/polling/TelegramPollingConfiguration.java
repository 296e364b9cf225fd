package org.imarchive.gateway.outbound.polling;

import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.platformapi.RetryPolicy;
import org.imarchive.connectors.telegram.TelegramBotApi;
import org.imarchive.connectors.telegram.TelegramPoller;
import org.imarchive.gateway.config.TelegramApiProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * {@code gateway.telegram.mode=polling}: a poller thread capturing into the archive pipeline. Its offset is the archive store's checkpoint {@value #CHECKPOINT}, so a restart resumes after the
 * last update made durable. Telegram refuses getUpdates while a webhook is set for the bot: call deleteWebhook first.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "gateway.telegram.mode", havingValue = "polling")
public class TelegramPollingConfiguration {
    static final String CHECKPOINT = "telegram-poll";
    /**
     * Beside the web server's. The journal is open for the context's whole life, so the poller may run while the
     * committer is not yet (or no longer) running: what it captures then is committed from the journal when it runs.
     */
    private static final int PHASE = Integer.MAX_VALUE - 1000;

    @Bean
    TelegramPoller telegramPoller(TelegramApiProperties telegram, ArchivePipeline pipeline, ArchiveStore store, Clock clock) {
        // one attempt per call: the poller's own backoff paces the retries of a long poll
        PlatformHttp http = new PlatformHttp(new RetryPolicy(1, Duration.ZERO, Duration.ZERO));
        TelegramPoller.Checkpoint checkpoint = new TelegramPoller.Checkpoint() {
            @Override
            public long lastUpdateId() {
                return store.checkpoint(CHECKPOINT);
            }

            @Override
            public void save(long updateId) {
                store.saveCheckpoint(CHECKPOINT, updateId);
            }
        };
        TelegramPoller.Settings settings = new TelegramPoller.Settings((int) telegram.pollTimeout().toSeconds(),
                TelegramPoller.Settings.ARCHIVED_UPDATES, new RetryPolicy(Integer.MAX_VALUE, Duration.ofSeconds(1), Duration.ofMinutes(1)));
        return new TelegramPoller(new TelegramBotApi(http, telegram.apiUrl(), requireToken(telegram)), pipeline, checkpoint, clock, settings,
                duration -> Thread.sleep(duration.toMillis()));
    }

    @Bean
    SmartLifecycle telegramPollerLifecycle(TelegramPoller poller) {
        return new SmartLifecycle() {
            @Override
            public void start() {
                poller.start();
            }

            @Override
            public void stop() {
                poller.stop();
            }

            @Override
            public boolean isRunning() {
                return poller.isRunning();
            }

            @Override
            public int getPhase() {
                return PHASE;
            }
        };
    }

    private static String requireToken(TelegramApiProperties telegram) {
        if (!telegram.configured()) {
            throw new IllegalStateException("gateway.telegram.mode=polling needs gateway.telegram.bot-token");
        }
        return telegram.botToken();
    }
}
