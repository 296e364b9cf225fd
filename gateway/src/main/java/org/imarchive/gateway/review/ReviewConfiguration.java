package org.imarchive.gateway.review;

import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.support.CaptureFirst;
import org.imarchive.supervision.queue.ReviewActions;
import org.imarchive.supervision.queue.ReviewFiling;
import org.imarchive.supervision.queue.ReviewReads;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/** The review queue's store and the scanner that fills it, started with the application and stopped with it. */
@Configuration(proxyBeanMethods = false)
public class ReviewConfiguration {
    /** A database outage is retried at most this far apart; capture never waits for review. */
    private static final Duration MAX_RETRY_BACKOFF = Duration.ofSeconds(30);

    @Bean
    ReviewFiling reviewFiling(DataSource dataSource) {
        return new ReviewFiling(dataSource);
    }

    @Bean
    ReviewReads reviewReads(DataSource dataSource) {
        return new ReviewReads(dataSource);
    }

    @Bean
    ReviewActions reviewActions(DataSource dataSource) {
        return new ReviewActions(dataSource);
    }

    @Bean(destroyMethod = "close")
    ReviewScanner reviewScanner(ArchiveStore store, ReviewFiling filing, SupervisionPolicies policies, SamplingSeeds seeds,
                                ReviewRouting routing, AttachmentTexts attachmentTexts, AuditLog audit, Clock clock, CaptureFirst captureFirst) {
        return new ReviewScanner(store, filing, policies, seeds, routing, new VersionTexts(attachmentTexts), audit, clock, MAX_RETRY_BACKOFF,
                captureFirst);
    }

    @Bean
    SmartLifecycle reviewScannerLifecycle(ReviewScanner scanner) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scanner.start();
                running = true;
            }

            @Override
            public void stop() {
                scanner.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
