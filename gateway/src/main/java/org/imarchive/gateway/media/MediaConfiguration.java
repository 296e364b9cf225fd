package org.imarchive.gateway.media;

import org.imarchive.gateway.config.TelegramApiProperties;
import org.imarchive.gateway.config.WhatsAppCloudApiProperties;
import org.imarchive.gateway.config.TwilioApiProperties;
import org.imarchive.archive.media.AttachmentTextExtraction;
import org.imarchive.archive.media.AttachmentTextExtractor;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.media.MediaRetrieval;
import org.imarchive.archive.media.MediaRetrievalSettings;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.BlobStore;
import org.imarchive.archive.support.CaptureFirst;
import org.imarchive.gateway.config.GatewayProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Media retrieval and attachment text extraction in the running gateway. Both are commit listeners (a commit wakes
 * them) and follow the ledger from their own checkpoints, so neither slows capture nor loses work in a crash.
 */
@Configuration(proxyBeanMethods = false)
public class MediaConfiguration {

    @Bean(destroyMethod = "close")
    MediaRetrieval mediaRetrieval(ArchiveStore store, DataSource dataSource, GatewayProperties gateway, MediaProperties media,
                                  TwilioApiProperties twilio, WhatsAppCloudApiProperties whatsappCloud,
                                  TelegramApiProperties telegram, Clock clock, MediaMetrics metrics, CaptureFirst captureFirst) {
        MediaRetrievalSettings settings = new MediaRetrievalSettings(media.maxAttempts(), media.initialBackoff(), media.maxBackoff(),
                media.failedRetryInterval(), media.maxSize().toBytes());
        return new MediaRetrieval(store, dataSource,
                ConfiguredMediaFetchers.of(gateway.twilio().authToken(), twilio, whatsappCloud, gateway.telegram().botToken(), telegram,
                        media.requestTimeout()),
                settings, gateway.dataDir().resolve("spool").resolve("media"), clock, metrics, captureFirst);
    }

    @Bean
    SmartLifecycle mediaRetrievalLifecycle(MediaRetrieval retrieval) {
        return new WorkerLifecycle(retrieval::start, retrieval::close);
    }

    @Bean(destroyMethod = "close")
    AttachmentTextExtractor attachmentTextExtractor(MediaProperties media) {
        MediaProperties.Extraction limits = media.extraction();
        return new AttachmentTextExtractor(limits.timeout(), limits.maxSize().toBytes(), limits.maxChars());
    }

    @Bean(destroyMethod = "close")
    AttachmentTextExtraction attachmentTextExtraction(ArchiveStore store, BlobStore blobs, AttachmentTexts texts,
                                                      AttachmentTextExtractor extractor, Clock clock, MediaMetrics metrics,
                                                      CaptureFirst captureFirst) {
        return new AttachmentTextExtraction(store, blobs, texts, extractor, clock, metrics, captureFirst);
    }

    @Bean
    SmartLifecycle attachmentTextExtractionLifecycle(AttachmentTextExtraction extraction) {
        return new WorkerLifecycle(extraction::start, extraction::close);
    }
}
