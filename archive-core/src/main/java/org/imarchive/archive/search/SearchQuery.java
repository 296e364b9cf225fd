package org.imarchive.archive.search;

import java.time.Instant;
import java.util.Set;

/**
 * A search: free text in Lucene query syntax plus structured filters, all of which must hold.
 *
 * @param q               Lucene query syntax; blank matches every document
 * @param participant     sender or any participant, by platform id or display name (whole value, case- and
 *                        accent-insensitive)
 * @param from            sent at or after (inclusive); null for no lower bound
 * @param to              sent before (exclusive); null for no upper bound
 * @param flagged         only flagged (true) or only unflagged (false) versions; null for both
 * @param currentOnly     hide earlier versions of edited messages. Off by default: a compliance search must find text
 *                        that was edited away
 * @param visibleAccounts the accounts the caller may see; null for no restriction, empty for none
 * @param visibleRms      the relationship managers whose messages the caller may see; null for no restriction
 * @param cursor          {@link SearchResult#nextCursor()} of the previous page; null for the first page
 */
public record SearchQuery(
        String q,
        String platform,
        String participant,
        String account,
        String conversationId,
        Instant from,
        Instant to,
        Boolean flagged,
        boolean currentOnly,
        Set<String> visibleAccounts,
        Set<String> visibleRms,
        int pageSize,
        String cursor,
        SortOrder order) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 1000;

    public SearchQuery {
        q = q == null ? "" : q;
        visibleAccounts = visibleAccounts == null ? null : Set.copyOf(visibleAccounts);
        visibleRms = visibleRms == null ? null : Set.copyOf(visibleRms);
        order = order == null ? SortOrder.NEWEST_FIRST : order;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from (" + from + ") must be before to (" + to + ")");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every document, newest first, first page. */
    public static SearchQuery all() {
        return builder().build();
    }

    public static SearchQuery of(String q) {
        return builder().q(q).build();
    }

    /** The same query for the page after the one that returned {@code nextCursor}. */
    public SearchQuery withCursor(String nextCursor) {
        return new SearchQuery(q, platform, participant, account, conversationId, from, to, flagged,
                currentOnly, visibleAccounts, visibleRms, pageSize, nextCursor, order);
    }

    /** A builder holding every part of this query, to derive a changed one. */
    public Builder toBuilder() {
        return builder().q(q).platform(platform).participant(participant).account(account).conversationId(conversationId)
                .from(from).to(to).flagged(flagged).currentOnly(currentOnly).visibleAccounts(visibleAccounts)
                .visibleRms(visibleRms).pageSize(pageSize).cursor(cursor).order(order);
    }

    public static final class Builder {
        private String q = "";
        private String platform;
        private String participant;
        private String account;
        private String conversationId;
        private Instant from;
        private Instant to;
        private Boolean flagged;
        private boolean currentOnly;
        private Set<String> visibleAccounts;
        private Set<String> visibleRms;
        private int pageSize = DEFAULT_PAGE_SIZE;
        private String cursor;
        private SortOrder order = SortOrder.NEWEST_FIRST;

        private Builder() {
        }

        public Builder q(String value) { q = value; return this; }
        public Builder platform(String value) { platform = value; return this; }
        public Builder participant(String value) { participant = value; return this; }
        public Builder account(String value) { account = value; return this; }
        public Builder conversationId(String value) { conversationId = value; return this; }
        public Builder from(Instant value) { from = value; return this; }
        public Builder to(Instant value) { to = value; return this; }
        public Builder flagged(Boolean value) { flagged = value; return this; }
        public Builder currentOnly(boolean value) { currentOnly = value; return this; }
        public Builder visibleAccounts(Set<String> value) { visibleAccounts = value; return this; }
        public Builder visibleRms(Set<String> value) { visibleRms = value; return this; }
        public Builder pageSize(int value) { pageSize = value; return this; }
        public Builder cursor(String value) { cursor = value; return this; }
        public Builder order(SortOrder value) { order = value; return this; }

        public SearchQuery build() {
            return new SearchQuery(q, platform, participant, account, conversationId, from, to, flagged,
                    currentOnly, visibleAccounts, visibleRms, pageSize, cursor, order);
        }
    }
}
