package org.imarchive.gateway.media;

import io.micrometer.core.instrument.MeterRegistry;
import org.imarchive.archive.media.ExtractedText;
import org.imarchive.archive.media.MediaRetrievalListener;
import org.imarchive.archive.media.TextExtractionListener;
import org.imarchive.archive.model.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Counts media downloads and text extractions and raises the alerts an operator must act on. Log lines name
 * channels and message ids, never URLs (Telegram's hold the bot token) or content.
 */
@Component
public class MediaMetrics implements MediaRetrievalListener, TextExtractionListener {
    private static final Logger LOG = LoggerFactory.getLogger(MediaMetrics.class);
    private final MeterRegistry registry;

    public MediaMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void queued(Channel channel, String messageId) {
        registry.counter("imarchive.media.queued", "channel", channel.wireName()).increment();
    }

    @Override
    public void retrieved(Channel channel, String messageId, long size) {
        registry.counter("imarchive.media.retrieved", "channel", channel.wireName()).increment();
        registry.counter("imarchive.media.retrieved.bytes", "channel", channel.wireName()).increment(size);
    }

    @Override
    public void retryScheduled(Channel channel, String messageId, int attempts, Instant nextAttempt, String reason) {
        registry.counter("imarchive.media.retries", "channel", channel.wireName()).increment();
        LOG.info("media of message {} ({}) not fetched on attempt {}: {}; next attempt at {}", messageId, channel.wireName(), attempts,
                reason, nextAttempt);
    }

    @Override
    public void failed(Channel channel, String messageId, int attempts, String reason) {
        registry.counter("imarchive.media.failed", "channel", channel.wireName()).increment();
        LOG.warn("ALERT media of message {} ({}) could not be fetched after {} attempts: {}; the message is archived with the"
                + " attachment pending, and the download is tried again daily", messageId, channel.wireName(), attempts, reason);
    }

    @Override
    public void credentialsRejected(Channel channel, String reason) {
        registry.counter("imarchive.media.credentials.rejected", "channel", channel.wireName()).increment();
        LOG.error("ALERT the {} platform refused our credentials for a media download: {}; check the configured token", channel.wireName(), reason);
    }

    @Override
    public void hashMismatch(Channel channel, String messageId) {
        registry.counter("imarchive.media.hash.mismatch", "channel", channel.wireName()).increment();
        LOG.error("ALERT media of message {} ({}) did not match the SHA-256 the platform stated; it was not stored", messageId, channel.wireName());
    }

    @Override
    public void extracted(String sha256, ExtractedText outcome) {
        registry.counter("imarchive.attachment.text", "status", outcome.status().wireName()).increment();
        if (outcome.status() != ExtractedText.Status.EXTRACTED) {
            LOG.info("no text from blob {} ({}): {}", sha256, outcome.status().wireName(), outcome.reason());
        }
    }
}
