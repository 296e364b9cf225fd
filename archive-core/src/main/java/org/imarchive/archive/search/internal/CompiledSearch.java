package org.imarchive.archive.search.internal;

import org.apache.lucene.search.Query;
import org.imarchive.archive.search.SearchHit;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.SearchResult;
import org.imarchive.archive.search.SortOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A {@link SearchQuery} made ready to run: the parsed text query, the filters, the sort and where to resume.
 * Adapters fetch {@link #fetchSize()} hits, one more than a page, to know whether another page follows.
 */
public record CompiledSearch(
        Query textQuery,
        List<SearchFilter> filters,
        SortOrder order,
        SearchCursor after,
        int pageSize,
        HighlightTerms highlightTerms) {

    public static CompiledSearch of(SearchQuery query) {
        Query text = TextQueryParser.parse(query.q());
        SearchCursor after = query.cursor() == null ? null : SearchCursor.decode(query.cursor());
        return new CompiledSearch(text, filtersOf(query), query.order(), after, query.pageSize(), HighlightTerms.of(text));
    }

    public int fetchSize() {
        return pageSize + 1;
    }

    public boolean newestFirst() {
        return order == SortOrder.NEWEST_FIRST;
    }

    /** Turns what the engine returned (up to {@link #fetchSize()} hits in order) into the page. */
    public SearchResult toResult(long total, List<StoredHit> fetched) {
        List<StoredHit> page = fetched.subList(0, Math.min(pageSize, fetched.size()));
        List<SearchHit> hits = page.stream()
                .map(hit -> new SearchHit(hit.id(), hit.messageId(), hit.conversationId(), hit.versionNumber(),
                        hit.current(), hit.deleted(), Instant.ofEpochMilli(hit.sentAtMillis()),
                        Highlighter.highlight(highlightTerms, hit)))
                .toList();
        String next = null;
        if (fetched.size() > pageSize) {
            StoredHit last = page.get(page.size() - 1);
            next = new SearchCursor(last.sentAtMillis(), last.sortId()).encode();
        }
        return new SearchResult(total, hits, next);
    }

    private static List<SearchFilter> filtersOf(SearchQuery query) {
        List<SearchFilter> filters = new ArrayList<>();
        addValue(filters, SearchFields.PLATFORM, query.platform());
        addValue(filters, SearchFields.PARTICIPANT_KEY, query.participant());
        addValue(filters, SearchFields.ACCOUNT, query.account());
        addValue(filters, SearchFields.CONVERSATION, query.conversationId());
        if (query.flagged() != null) {
            filters.add(new SearchFilter.AnyOf(SearchFields.FLAGGED, Set.of(query.flagged().toString())));
        }
        if (query.currentOnly()) {
            filters.add(new SearchFilter.AnyOf(SearchFields.CURRENT, Set.of("true")));
        }
        if (query.from() != null || query.to() != null) {
            filters.add(new SearchFilter.TimeRange(SearchFields.SENT_AT,
                    query.from() == null ? null : query.from().toEpochMilli(),
                    query.to() == null ? null : query.to().toEpochMilli()));
        }
        addVisibility(filters, SearchFields.ACCOUNT, query.visibleAccounts());
        addVisibility(filters, SearchFields.RM, query.visibleRms());
        return List.copyOf(filters);
    }

    private static void addValue(List<SearchFilter> filters, String field, String value) {
        if (value != null && !value.isBlank()) {
            filters.add(new SearchFilter.AnyOf(field, Set.of(TextNormalizer.fold(value.strip()))));
        }
    }

    /** Null means the caller is not restricted on this field; an empty set means they may see nothing. */
    private static void addVisibility(List<SearchFilter> filters, String field, Set<String> visible) {
        if (visible != null) {
            filters.add(new SearchFilter.AnyOf(field,
                    visible.stream().map(TextNormalizer::fold).collect(Collectors.toSet())));
        }
    }
}
