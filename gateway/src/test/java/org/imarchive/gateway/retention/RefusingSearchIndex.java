package org.imarchive.gateway.retention;

import org.imarchive.archive.search.SearchDocument;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchIndexException;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.SearchResult;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** A real index that refuses removals while its switch is on, as an Elasticsearch cluster that is down would. */
final class RefusingSearchIndex implements SearchIndex {
    private final SearchIndex index;
    private final Switch refuses;

    RefusingSearchIndex(SearchIndex index, Switch refuses) {
        this.index = index;
        this.refuses = refuses;
    }

    static final class Switch extends AtomicBoolean {
    }

    @Override
    public void index(List<SearchDocument> documents) {
        index.index(documents);
    }

    @Override
    public void delete(Collection<String> ids) {
        if (refuses.get()) {
            throw new SearchIndexException("the index is unavailable");
        }
        index.delete(ids);
    }

    @Override
    public SearchResult search(SearchQuery query) {
        return index.search(query);
    }

    @Override
    public void refresh() {
        index.refresh();
    }

    @Override
    public long count() {
        return index.count();
    }

    /** The real index is closed by its own bean. */
    @Override
    public void close() {
    }
}
