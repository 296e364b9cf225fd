package org.imarchive.gateway.cli;

import org.imarchive.archive.indexing.MessageDocuments;
import org.imarchive.archive.indexing.SearchIndexer;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.gateway.search.SearchProperties;
import org.springframework.stereotype.Component;

import java.io.PrintStream;

/**
 * {@code reindex}: rebuilds the search index from the archive store, with a progress bar. Its position is saved after
 * every batch, so an interrupted rebuild resumes where it stopped; a finished one leaves the live indexer's checkpoint
 * at the ledger head. With the embedded Lucene index the gateway must be stopped (the index allows one writer).
 */
@Component
class ReindexCommand {
    static final String CONSUMER = "search-reindex";
    private static final int BAR = 40;

    private final ArchiveStore store;
    private final SearchIndex index;
    private final MessageDocuments documents;
    private final SearchProperties properties;
    private final PrintStream out = System.out;

    ReindexCommand(ArchiveStore store, SearchIndex index, MessageDocuments documents, SearchProperties properties) {
        this.store = store;
        this.index = index;
        this.documents = documents;
        this.properties = properties;
    }

    int run() {
        long head = store.lastLedgerSerial();
        long resumeFrom = store.checkpoint(CONSUMER);
        out.println(resumeFrom > 0 ? "resuming the rebuild from ledger entry " + resumeFrom + " of " + head
                : "rebuilding the " + properties.backend() + " index from " + head + " ledger entries");
        long started = System.nanoTime();
        SearchIndexer rebuild = new SearchIndexer(store, index, documents, CONSUMER, properties.maxRetryBackoff());
        rebuild.catchUp(reached -> progress(reached, head));
        progress(head, head);
        out.println();
        if (store.checkpoint(SearchIndexer.CONSUMER) < head) {
            store.saveCheckpoint(SearchIndexer.CONSUMER, head);
        }
        store.saveCheckpoint(CONSUMER, 0);
        out.printf("reindexed: %,d documents in the index, %.1f s%n", index.count(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private void progress(long reached, long head) {
        double done = head == 0 ? 1 : Math.min(1, (double) reached / head);
        int filled = (int) Math.round(done * BAR);
        out.printf("\r[%s%s] %3.0f%%  %,d / %,d ledger entries", "#".repeat(filled), ".".repeat(BAR - filled), done * 100, reached, head);
        out.flush();
    }
}
