package org.imarchive.archive.search.lucene;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.imarchive.archive.search.SearchDocument;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchIndexException;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.SearchResult;
import org.imarchive.archive.search.internal.CompiledSearch;
import org.imarchive.archive.search.internal.NormalizingAnalyzer;
import org.imarchive.archive.search.internal.SearchFields;
import org.imarchive.archive.search.internal.StoredHit;
import org.imarchive.archive.search.internal.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The embedded {@link SearchIndex}: one {@link IndexWriter} on a local directory, searched through a
 * {@link SearcherManager} that a background thread refreshes (at most every second) and commits periodically.
 *
 * <p>Like an Elasticsearch shard, the index goes "search idle" when nobody has searched for {@link #SEARCH_IDLE}:
 * scheduled refreshes stop (each one would flush a tiny segment that must later be merged, which halves bulk
 * throughput during a rebuild) and the next search refreshes before it runs, so it still sees every write.
 */
public final class LuceneSearchIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(LuceneSearchIndex.class);
    static final long SEARCH_IDLE = TimeUnit.SECONDS.toNanos(30);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService maintenance;
    private volatile long lastSearchNanos = System.nanoTime() - SEARCH_IDLE;

    private LuceneSearchIndex(LuceneSearchSettings settings) throws IOException {
        Files.createDirectories(settings.directory());
        directory = FSDirectory.open(settings.directory());
        IndexWriterConfig config = new IndexWriterConfig(NormalizingAnalyzer.words())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(settings.ramBufferMb());
        writer = new IndexWriter(directory, config);
        searchers = new SearcherManager(writer, null);
        maintenance = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lucene-search-maintenance");
            thread.setDaemon(true);
            return thread;
        });
        long refreshMillis = settings.refreshInterval().toMillis();
        long commitMillis = settings.commitInterval().toMillis();
        maintenance.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
        maintenance.scheduleWithFixedDelay(this::commitQuietly, commitMillis, commitMillis, TimeUnit.MILLISECONDS);
    }

    public static LuceneSearchIndex open(LuceneSearchSettings settings) {
        try {
            return new LuceneSearchIndex(settings);
        } catch (IOException e) {
            throw new SearchIndexException("Cannot open the search index in " + settings.directory(), e);
        }
    }

    public static LuceneSearchIndex open(Path directory) {
        return open(LuceneSearchSettings.defaults(directory));
    }

    @Override
    public void index(List<SearchDocument> documents) {
        try {
            for (SearchDocument doc : documents) {
                writer.updateDocument(idTerm(doc.id()), LuceneDocuments.toDocument(doc));
            }
        } catch (IOException e) {
            throw new SearchIndexException("Cannot write to the search index", e);
        }
    }

    @Override
    public void delete(Collection<String> ids) {
        try {
            writer.deleteDocuments(ids.stream().map(LuceneSearchIndex::idTerm).toArray(Term[]::new));
        } catch (IOException e) {
            throw new SearchIndexException("Cannot delete from the search index", e);
        }
    }

    @Override
    public SearchResult search(SearchQuery query) {
        CompiledSearch search = CompiledSearch.of(query);
        try {
            refreshIfIdle();
            IndexSearcher searcher = searchers.acquire();
            try {
                TopFieldDocs top = searcher.search(LuceneQueries.query(search), new TopFieldCollectorManager(
                        LuceneQueries.sort(search), search.fetchSize(), LuceneQueries.after(search), Integer.MAX_VALUE));
                StoredFields storedFields = searcher.storedFields();
                List<StoredHit> hits = new ArrayList<>(top.scoreDocs.length);
                for (ScoreDoc scoreDoc : top.scoreDocs) {
                    hits.add(LuceneDocuments.toHit(storedFields, (FieldDoc) scoreDoc));
                }
                return search.toResult(top.totalHits.value, hits);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new SearchIndexException("Cannot search the search index", e);
        }
    }

    @Override
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new SearchIndexException("Cannot refresh the search index", e);
        }
    }

    @Override
    public long count() {
        try {
            refreshIfIdle();
            IndexSearcher searcher = searchers.acquire();
            try {
                return searcher.getIndexReader().numDocs();
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new SearchIndexException("Cannot read the search index", e);
        }
    }

    @Override
    public void close() {
        maintenance.shutdown();
        try {
            maintenance.awaitTermination(10, TimeUnit.SECONDS);
            searchers.close();
            writer.commit();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new SearchIndexException("Cannot close the search index cleanly", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchIndexException("Interrupted while closing the search index", e);
        }
    }

    private static Term idTerm(String id) {
        return new Term(SearchFields.ID, TextNormalizer.fold(id));
    }

    private void refreshIfIdle() throws IOException {
        long now = System.nanoTime();
        boolean wasIdle = now - lastSearchNanos >= SEARCH_IDLE;
        lastSearchNanos = now;
        if (wasIdle) {
            searchers.maybeRefreshBlocking();
        }
    }

    // Logged, not thrown: an exception would silently cancel the schedule and stop all later refreshes
    private void refreshQuietly() {
        if (System.nanoTime() - lastSearchNanos >= SEARCH_IDLE) {
            return;
        }
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            log.warn("Search index refresh failed; will retry", e);
        }
    }

    private void commitQuietly() {
        try {
            if (writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index commit failed; will retry", e);
        }
    }
}
