package org.imarchive.archive.indexing;

import org.imarchive.archive.pipeline.CommitListener;
import org.imarchive.archive.pipeline.CommittedRecord;
import org.imarchive.archive.search.SearchDocument;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.support.BackgroundLoop;
import org.imarchive.archive.support.CaptureFirst;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Brings the search index up to date with the archive, in ledger order, from its own checkpoint. A commit only wakes
 * it; it reads what changed from the archive itself, so nothing depends on a hand-off that a crash could lose. When
 * the index is down it retries with backoff and capture goes on undisturbed: the backlog is the ledger. Messages whose
 * derived content changed without a record (an attachment's text) come through {@link ReindexRequests}.
 */
public final class SearchIndexer implements CommitListener, AutoCloseable {
    public static final String CONSUMER = "search-index";
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexer.class);
    private static final int BATCH = 1000;

    private final ArchiveStore store;
    private final SearchIndex index;
    private final MessageDocuments documents;
    private final String consumer;
    private final ReindexRequests reindexRequests;
    private final BackgroundLoop loop;
    private volatile long indexedSerial;

    public SearchIndexer(ArchiveStore store, SearchIndex index, MessageDocuments documents, String consumer, Duration maxBackoff) {
        this(store, index, documents, consumer, maxBackoff, ReindexRequests.NONE);
    }

    /** @param reindexRequests messages to index again besides those the ledger names (their derived content changed) */
    public SearchIndexer(ArchiveStore store, SearchIndex index, MessageDocuments documents, String consumer, Duration maxBackoff,
                         ReindexRequests reindexRequests) {
        this(store, index, documents, consumer, maxBackoff, reindexRequests, CaptureFirst.UNPACED);
    }

    /** @param captureFirst what the live indexer yields to while webhooks wait for their acknowledgement */
    public SearchIndexer(ArchiveStore store, SearchIndex index, MessageDocuments documents, String consumer, Duration maxBackoff,
                         ReindexRequests reindexRequests, CaptureFirst captureFirst) {
        this.store = store;
        this.index = index;
        this.documents = documents;
        this.consumer = consumer;
        this.loop = new BackgroundLoop("search-indexer", this::indexBatch, (failure, retryInMillis) -> LOG.warn(
                "search index unavailable ({}); indexing resumes from ledger entry {} in {} ms; capture is unaffected",
                failure.getClass().getSimpleName(), indexedSerial, retryInMillis), maxBackoff, captureFirst);
        this.reindexRequests = reindexRequests;
    }

    public synchronized void start() {
        indexedSerial = store.checkpoint(consumer);
        loop.start();
    }

    @Override
    public void committed(List<CommittedRecord> records) {
        loop.wake();
    }

    public long indexedSerial() {
        return indexedSerial;
    }

    /**
     * Indexes everything the archive holds beyond the checkpoint, in the caller's thread; for the reindex command.
     *
     * @param progress told the ledger serial reached after each batch
     */
    public void catchUp(LongConsumer progress) {
        indexedSerial = store.checkpoint(consumer);
        while (indexBatch()) {
            progress.accept(indexedSerial);
        }
        index.refresh();
    }


    /** @return true when a full batch was indexed and more may be waiting */
    private boolean indexBatch() {
        boolean moreChanges = indexLedgerChanges();
        boolean moreRequests = indexRequested();
        return moreChanges || moreRequests;
    }

    private boolean indexLedgerChanges() {
        List<ArchiveStore.Change> changes = store.changesAfter(indexedSerial, BATCH);
        if (changes.isEmpty()) {
            return false;
        }
        Set<String> messageIds = new LinkedHashSet<>();
        changes.forEach(change -> messageIds.add(change.messageId()));
        indexMessages(messageIds);
        long reached = changes.get(changes.size() - 1).ledgerSerial();
        store.saveCheckpoint(consumer, reached);
        indexedSerial = reached;
        return changes.size() == BATCH;
    }

    private boolean indexRequested() {
        List<ReindexRequests.Request> requests = reindexRequests.oldest(BATCH);
        if (requests.isEmpty()) {
            return false;
        }
        Set<String> messageIds = new LinkedHashSet<>();
        requests.forEach(request -> messageIds.add(request.messageId()));
        indexMessages(messageIds);
        reindexRequests.removeUpTo(requests.get(requests.size() - 1).requestId());
        return requests.size() == BATCH;
    }

    private void indexMessages(Set<String> messageIds) {
        List<SearchDocument> batch = new ArrayList<>();
        for (String messageId : messageIds) {
            try {
                store.message(messageId).map(documents::of).ifPresent(batch::addAll);
            } catch (RuntimeException unreadable) {
                // one message that cannot be made into documents must not hold back every message after it
                LOG.error("message {} could not be indexed; it stays archived and is indexed again by the reindex command", messageId, unreadable);
            }
        }
        if (!batch.isEmpty()) {
            index.index(batch);
        }
    }


    @Override
    public void close() {
        loop.close();
    }
}
