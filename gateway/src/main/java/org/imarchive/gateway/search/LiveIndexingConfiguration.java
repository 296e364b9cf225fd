package org.imarchive.gateway.search;

import org.imarchive.archive.indexing.MessageDocuments;
import org.imarchive.archive.indexing.SearchIndexer;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.support.CaptureFirst;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The running gateway's indexer: woken by each commit, it keeps the index derived from the archive. */
@Configuration(proxyBeanMethods = false)
public class LiveIndexingConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndexer searchIndexer(ArchiveStore store, SearchIndex index, MessageDocuments documents, SearchProperties properties,
                                AttachmentTexts reindexRequests, CaptureFirst captureFirst) {
        return new SearchIndexer(store, index, documents, SearchIndexer.CONSUMER, properties.maxRetryBackoff(), reindexRequests, captureFirst);
    }

    @Bean
    SmartLifecycle searchIndexerLifecycle(SearchIndexer indexer) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                indexer.start();
                running = true;
            }

            @Override
            public void stop() {
                indexer.close();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
