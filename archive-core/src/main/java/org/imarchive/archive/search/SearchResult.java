package org.imarchive.archive.search;

import java.util.List;

/**
 * A page of hits in the requested time order.
 *
 * @param total      how many versions match in all, not only on this page
 * @param nextCursor pass it to {@link SearchQuery.Builder#cursor(String)} for the next page; null on the last page
 */
public record SearchResult(long total, List<SearchHit> hits, String nextCursor) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
