package org.imarchive.gateway.holds;

import org.imarchive.archive.search.SearchHit;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.SearchResult;
import org.imarchive.archive.search.SortOrder;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.retention.hold.HoldEvaluator;
import org.imarchive.retention.hold.HoldQueryMatcher;
import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.LegalHold;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The archived messages a hold's scope takes in, for its page and for a production. The search index narrows the
 * archive to candidates by the scope's query, conversations, custodians and dates (a superset: every version counts,
 * and the upper date bound is widened to the index's millisecond); {@link HoldEvaluator} then decides each candidate
 * exactly as disposition does. A message the index has not reached yet is not listed until it has.
 */
@Service
public class HeldMessages {
    private static final int PAGE = 1000;

    private final SearchIndex index;
    private final ArchiveStore store;
    private final MessageFacts facts;
    private final HoldEvaluator evaluator;

    public HeldMessages(SearchIndex index, ArchiveStore store, MessageFacts facts, HoldQueryMatcher queryMatcher) {
        this.index = index;
        this.store = store;
        this.facts = facts;
        this.evaluator = new HoldEvaluator(queryMatcher);
    }

    /**
     * Calls {@code covered} once for each message in the hold's scope, oldest first per conversation of the scope. A
     * released hold is read with the scope it had, so a matter can still be produced after the hold is lifted.
     *
     * @param narrowingQuery a further query every message must also match; null or blank for none
     */
    public void forEach(LegalHold hold, String narrowingQuery, Consumer<StoredMessage> covered) {
        LegalHold scopeOnly = hold.isActive() ? hold
                : new LegalHold(hold.id(), hold.matter(), hold.reason(), hold.placedBy(), hold.placedAt(), hold.scope(), null);
        HoldScope scope = hold.scope();
        String q = both(scope.query(), narrowingQuery);
        List<String> conversations = scope.conversations().isEmpty() ? Collections.singletonList(null) : List.copyOf(scope.conversations());
        Set<String> seen = new HashSet<>();
        for (String conversation : conversations) {
            SearchQuery query = SearchQuery.builder().q(q).conversationId(conversation).from(scope.from()).to(exclusiveBound(scope.to()))
                    .visibleRms(scope.custodians().isEmpty() ? null : scope.custodians())
                    .pageSize(PAGE).order(SortOrder.OLDEST_FIRST).build();
            SearchResult page = index.search(query);
            while (true) {
                for (SearchHit hit : page.hits()) {
                    if (seen.add(hit.messageId())) {
                        Optional<StoredMessage> message = store.message(hit.messageId());
                        if (message.isPresent() && evaluator.covers(scopeOnly, facts.of(message.get()))) {
                            covered.accept(message.get());
                        }
                    }
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = index.search(query.withCursor(page.nextCursor()));
            }
        }
    }

    public long count(LegalHold hold) {
        long[] count = {0};
        forEach(hold, null, message -> count[0]++);
        return count[0];
    }

    private static String both(String first, String second) {
        boolean hasFirst = first != null && !first.isBlank();
        boolean hasSecond = second != null && !second.isBlank();
        if (hasFirst && hasSecond) {
            return "(" + first + ") AND (" + second + ")";
        }
        return hasFirst ? first : hasSecond ? second : "";
    }

    /** The scope's inclusive {@code to} as the index's exclusive bound, at the index's millisecond precision. */
    private static Instant exclusiveBound(Instant inclusiveTo) {
        return inclusiveTo == null ? null : inclusiveTo.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    }
}
