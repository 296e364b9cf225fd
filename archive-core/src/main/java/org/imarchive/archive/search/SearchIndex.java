package org.imarchive.archive.search;

import java.util.Collection;
import java.util.List;

/**
 * A search index over message versions. Writes are upserts keyed by {@link SearchDocument#id()}; they become visible
 * to {@link #search} within about a second, or at once after {@link #refresh()}.
 *
 * <p>Every adapter passes the same contract tests, so a query returns the same hits whichever adapter answers it.
 */
public interface SearchIndex extends AutoCloseable {

    /**
     * Adds or replaces the given documents. Returns once they are accepted by the index; throws
     * {@link SearchIndexException} naming the ids that could not be indexed, so the caller can retry them later.
     */
    void index(List<SearchDocument> documents);

    /** Removes the documents with these ids; unknown ids are ignored. */
    void delete(Collection<String> ids);

    /**
     * Runs a query.
     *
     * @throws InvalidQueryException when {@link SearchQuery#q()} is not valid query syntax or the cursor is not one
     *                               this index issued
     */
    SearchResult search(SearchQuery query);

    /** Makes every write accepted so far visible to search. */
    void refresh();

    /** The number of documents visible to search. */
    long count();

    @Override
    void close();
}
