package org.imarchive.connectors.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.pipeline.Capture;
import org.imarchive.connectors.platformapi.JsonArraySlices;
import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.platformapi.PlatformRefusedException;
import org.imarchive.connectors.platformapi.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Long polling for sites Telegram cannot reach: asks {@code getUpdates} for what is waiting, journals each update's
 * bytes as the webhook would have received them (source {@link TelegramNormalizer#SOURCE}, marked as polled), and only
 * once every append of the batch is durable saves the last update id; the next call's offset (that id + 1) is what
 * tells Telegram to forget the batch. A crash between the two makes Telegram hand the batch out again: the journal
 * then holds it twice and the archive, deduplicating by natural key, once.
 *
 * <p>An update is journaled even when it cannot be read: refusing it, as the webhook does with a 400, would lose it
 * here, since the offset moves past it. The archive records it as a capture failure and keeps it for a replay.
 */
public final class TelegramPoller {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramPoller.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where the id of the last journaled update is kept durably. */
    public interface Checkpoint {
        /** 0 when nothing was polled yet. */
        long lastUpdateId();

        void save(long updateId);
    }

    /**
     * @param timeoutSeconds how long Telegram holds a getUpdates call open when nothing is waiting
     * @param allowedUpdates the update types asked for (Telegram otherwise keeps the list of the previous call)
     * @param backoff        the waits after consecutive failures
     */
    public record Settings(int timeoutSeconds, List<String> allowedUpdates, RetryPolicy backoff) {
        public static final List<String> ARCHIVED_UPDATES = List.of("message", "edited_message", "channel_post", "edited_channel_post",
                "business_connection", "business_message", "edited_business_message", "deleted_business_messages");
    }

    private final TelegramBotApi api;
    private final Capture capture;
    private final Checkpoint checkpoint;
    private final Clock clock;
    private final Settings settings;
    private final PlatformHttp.Sleeper sleeper;
    private volatile boolean running;
    private Thread thread;

    public TelegramPoller(TelegramBotApi api, Capture capture, Checkpoint checkpoint, Clock clock, Settings settings, PlatformHttp.Sleeper sleeper) {
        this.api = api;
        this.capture = capture;
        this.checkpoint = checkpoint;
        this.clock = clock;
        this.settings = settings;
        this.sleeper = sleeper;
    }

    /**
     * One getUpdates call: journals what it returns and advances the checkpoint.
     *
     * @return how many updates were journaled
     */
    public int pollOnce() {
        long last = checkpoint.lastUpdateId();
        byte[] response = api.getUpdates(last == 0 ? 0 : last + 1, settings.timeoutSeconds(), settings.allowedUpdates());
        List<byte[]> updates;
        try {
            updates = JsonArraySlices.of(response, "result");
        } catch (IllegalArgumentException e) {
            throw new PlatformRefusedException(TelegramBotApi.PLATFORM, 200, null, "getUpdates answer cannot be split into updates: " + e.getMessage());
        }
        long highest = last;
        int journaled = 0;
        for (byte[] update : updates) {
            Long updateId = updateIdOf(update);
            if (updateId != null && updateId <= last) {
                continue;
            }
            capture.capture(CapturedPayload.of(TelegramNormalizer.SOURCE, clock.instant(),
                    Map.of(TelegramNormalizer.DELIVERY_HEADER, TelegramNormalizer.POLLED, "Content-Type", "application/json"), update));
            journaled++;
            if (updateId != null) {
                highest = Math.max(highest, updateId);
            } else {
                LOG.error("getUpdates returned an element without an update_id; journaled as received for review");
            }
        }
        if (highest > last) {
            checkpoint.save(highest);
        }
        return journaled;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "telegram-poller");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling; an open long poll is interrupted, and what it would have returned stays with Telegram. */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                pollOnce();
                failures = 0;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures++;
                report(e);
                try {
                    sleeper.sleep(settings.backoff().delayAfter(failures, null));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void report(RuntimeException e) {
        if (e instanceof PlatformRefusedException refused && refused.status() == 409) {
            LOG.error("Telegram refuses getUpdates while a webhook is set for this bot (409 Conflict). Either call deleteWebhook"
                    + " for the bot, or set gateway.telegram.mode=webhook. Polling retries with backoff.");
        } else if (e instanceof PlatformRefusedException refused && (refused.status() == 401 || refused.status() == 404)) {
            LOG.error("Telegram refuses the bot token (HTTP {}): check gateway.telegram.bot-token. Polling retries with backoff.", refused.status());
        } else {
            LOG.warn("Telegram polling failed, retrying with backoff: {}", e.getMessage());
        }
    }

    private static Long updateIdOf(byte[] update) {
        try {
            JsonNode id = JSON.readTree(update).path("update_id");
            return id.canConvertToLong() && id.isIntegralNumber() ? id.asLong() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
