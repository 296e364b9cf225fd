package org.imarchive.gateway.capture;

import org.imarchive.archive.capture.CaptureJournal;
import org.imarchive.archive.capture.FileCaptureJournal;
import org.imarchive.archive.capture.JournalRepair;
import org.imarchive.archive.pipeline.AccountApproval;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.pipeline.CaptureObserver;
import org.imarchive.archive.pipeline.CommitListener;
import org.imarchive.archive.pipeline.PayloadNormalizer;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.support.CaptureFirst;
import org.imarchive.gateway.config.GatewayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The capture journal and the pipeline that commits from it. */
@Configuration(proxyBeanMethods = false)
public class CaptureConfiguration {
    private static final Logger LOG = LoggerFactory.getLogger(CaptureConfiguration.class);

    @Bean(destroyMethod = "close")
    FileCaptureJournal captureJournal(GatewayProperties properties) {
        FileCaptureJournal journal = FileCaptureJournal.open(properties.journalDir(), FileCaptureJournal.Options.defaults().withSegmentSize(properties.journal().segmentBytes()));
        for (JournalRepair repair : journal.repairs()) {
            LOG.error("ALERT capture journal repaired on start: {}", repair);
        }
        return journal;
    }

    /** What every capture marks and every derived worker yields to (ADR 0017). */
    @Bean
    CaptureFirst captureFirst(GatewayProperties properties) {
        return new CaptureFirst(properties.captureFirst().derivedCpuShare(), properties.captureFirst().quietAfter());
    }

    @Bean
    ArchivePipeline archivePipeline(CaptureJournal journal, ArchiveStore store, List<PayloadNormalizer> normalizers,
                                    AccountApproval approval, List<CommitListener> listeners, List<CaptureObserver> observers,
                                    PipelineMetrics metrics, GatewayProperties properties, CaptureFirst captureFirst) {
        return new ArchivePipeline(journal, store, normalizers, approval, listeners, observers, metrics, properties.journal().commitBatch(),
                captureFirst);
    }

    /** Starts committing (and replaying what the journal holds beyond the last commit) once the schema is migrated. */
    @Bean
    SmartLifecycle archivePipelineLifecycle(ArchivePipeline pipeline) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                pipeline.start();
                running = true;
            }

            @Override
            public void stop() {
                pipeline.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
