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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The archived messages a hold's scope takes in, for its page, for a production and for a search filtered by the hold.
 * The search index narrows the archive to candidates by the scope's query, conversations, custodians and dates (a
 * superset: every version counts, the upper date bound is widened to the index's millisecond, and custodians are
 * taken as the accounts they own now, not by the RM the index recorded when it indexed the message); {@link
 * HoldEvaluator} then decides each candidate exactly as disposition does. The index carries no hold ids: a hold over
 * millions of messages would mean rewriting millions of documents on every placement, change and release, and the
 * index's answer would lag the decision disposition takes. A message the index has not reached yet is not listed
 * until it has. A released hold is read with the scope it had, so a matter can still be produced after it is lifted.
 */
@Service
public class HeldMessages {
    private static final int BATCH = 1000;
    /** Candidates a search decides to give an exact total; past them the total is the candidates' count, an upper bound. */
    private static final int EXACT_TOTAL_BUDGET = 1000;
    /** Beyond this many conversations the candidate query does not name them (the exact decision still does). */
    private static final int MAX_NAMED_CONVERSATIONS = 256;
    private static final int DECISIONS_REMEMBERED = 10_000;

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
     * A page of a search restricted to the messages a hold covers; each hit is a version, as in any search.
     *
     * @param nextCursor resumes right after the page's last hit; null when no covered hit follows
     * @param total      the covered hits in all when {@code totalExact}; otherwise the hits of the candidates, which the
     *                   covered ones never exceed
     */
    public record HeldPage(List<SearchHit> hits, String nextCursor, long total, boolean totalExact) {
    }

    /**
     * Calls {@code covered} once for each message in the hold's scope, oldest first.
     *
     * @param narrowingQuery a further query every message must also match; null or blank for none
     */
    public void forEach(LegalHold hold, String narrowingQuery, Consumer<StoredMessage> covered) {
        Optional<SearchQuery> candidates = candidates(hold.scope(),
                SearchQuery.builder().q(narrowingQuery).pageSize(BATCH).order(SortOrder.OLDEST_FIRST).build());
        if (candidates.isEmpty()) {
            return;
        }
        Decisions decisions = new Decisions(hold);
        Set<String> seen = new HashSet<>();
        SearchResult page = index.search(candidates.get());
        while (true) {
            for (SearchHit hit : page.hits()) {
                if (seen.add(hit.messageId())) {
                    decisions.covered(hit.messageId()).ifPresent(covered);
                }
            }
            if (page.nextCursor() == null) {
                return;
            }
            page = index.search(candidates.get().withCursor(page.nextCursor()));
        }
    }

    public long count(LegalHold hold) {
        long[] count = {0};
        forEach(hold, null, message -> count[0]++);
        return count[0];
    }

    /**
     * The page {@code skipPages} pages on from {@code search}'s cursor of the hits of {@code search} whose message the
     * hold covers; when the hold has a query, the hits are the versions that match it, the ones that brought the message
     * under the hold. The candidates are read only as far as the page needs (and one covered hit further, to know
     * whether a page follows), then up to {@value #EXACT_TOTAL_BUDGET} from the first to count the total exactly.
     * {@code currentOnly} is refused: a hold keeps every version, and the current one may not be what it matched.
     */
    public HeldPage page(LegalHold hold, SearchQuery search, int skipPages) {
        if (search.currentOnly()) {
            throw new IllegalArgumentException("a search by legal hold shows every version the hold keeps; leave out currentOnly");
        }
        Optional<SearchQuery> candidates = candidates(hold.scope(), search);
        if (candidates.isEmpty()) {
            return new HeldPage(List.of(), null, 0, true);
        }
        Decisions decisions = new Decisions(hold);
        SearchQuery batches = candidates.get().toBuilder().pageSize(BATCH).build();
        String cursor = search.cursor();
        List<SearchHit> page = List.of();
        boolean more = false;
        for (int skipped = 0; skipped <= skipPages; skipped++) {
            List<SearchHit> window = coveredHits(batches.withCursor(cursor), search.pageSize() + 1, decisions);
            page = window.subList(0, Math.min(search.pageSize(), window.size()));
            more = window.size() > search.pageSize();
            if (!more && skipped < skipPages) {
                page = List.of();
                break;
            }
            cursor = more ? page.get(page.size() - 1).cursorAfter() : null;
        }
        long[] total = total(batches.withCursor(null), decisions);
        return new HeldPage(page, more ? cursor : null, total[0], total[1] == 1);
    }

    /** Up to {@code limit} covered hits from where {@code query} starts. */
    private List<SearchHit> coveredHits(SearchQuery query, int limit, Decisions decisions) {
        List<SearchHit> covered = new ArrayList<>();
        SearchResult batch = index.search(query);
        while (true) {
            for (SearchHit hit : batch.hits()) {
                if (decisions.covers(hit.messageId())) {
                    covered.add(hit);
                    if (covered.size() == limit) {
                        return covered;
                    }
                }
            }
            if (batch.nextCursor() == null) {
                return covered;
            }
            batch = index.search(query.withCursor(batch.nextCursor()));
        }
    }

    /** {covered hits, 1} when every candidate fits the budget; {candidate hits, 0} otherwise. */
    private long[] total(SearchQuery fromTheStart, Decisions decisions) {
        SearchResult batch = index.search(fromTheStart.toBuilder().pageSize(EXACT_TOTAL_BUDGET).build());
        if (batch.nextCursor() != null) {
            return new long[] {batch.total(), 0};
        }
        return new long[] {batch.hits().stream().filter(hit -> decisions.covers(hit.messageId())).count(), 1};
    }

    /**
     * {@code search} narrowed by the hold's scope as far as the index can narrow it without losing a covered message;
     * empty when the two cannot overlap.
     */
    private Optional<SearchQuery> candidates(HoldScope scope, SearchQuery search) {
        SearchQuery.Builder candidates = search.toBuilder().q(both(scope.query(), search.q()));
        Instant from = later(search.from(), scope.from());
        Instant to = earlier(search.to(), exclusiveBound(scope.to()));
        if (from != null && to != null && !from.isBefore(to)) {
            return Optional.empty();
        }
        candidates.from(from).to(to);
        if (!scope.conversations().isEmpty() && (search.conversationId() == null || search.conversationId().isBlank())) {
            if (scope.conversations().size() == 1) {
                candidates.conversationId(scope.conversations().iterator().next());
            } else if (scope.conversations().size() <= MAX_NAMED_CONVERSATIONS) {
                candidates.q(both(both(scope.query(), search.q()), anyConversation(scope.conversations())));
            }
        }
        if (!scope.custodians().isEmpty()) {
            Set<String> owned = facts.accountIdsOwnedBy(scope.custodians());
            candidates.visibleAccounts(search.visibleAccounts() == null ? owned
                    : search.visibleAccounts().stream().filter(owned::contains).collect(Collectors.toSet()));
        }
        return Optional.of(candidates.build());
    }

    private static String anyConversation(Set<String> conversations) {
        return conversations.stream().sorted().map(id -> "conversation:\"" + id.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(" OR "));
    }

    private static String both(String first, String second) {
        boolean hasFirst = first != null && !first.isBlank();
        boolean hasSecond = second != null && !second.isBlank();
        if (hasFirst && hasSecond) {
            return "(" + first + ") AND (" + second + ")";
        }
        return hasFirst ? first : hasSecond ? second : "";
    }

    private static Instant later(Instant first, Instant second) {
        return first == null ? second : second == null ? first : first.isAfter(second) ? first : second;
    }

    private static Instant earlier(Instant first, Instant second) {
        return first == null ? second : second == null ? first : first.isBefore(second) ? first : second;
    }

    /** The scope's inclusive {@code to} as the index's exclusive bound, at the index's millisecond precision. */
    private static Instant exclusiveBound(Instant inclusiveTo) {
        return inclusiveTo == null ? null : inclusiveTo.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
    }

    /** Exact decisions for one hold, the recent ones remembered, as a message's versions come as several hits. */
    private final class Decisions {
        private final LegalHold scopeOnly;
        private final Map<String, Boolean> remembered = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > DECISIONS_REMEMBERED;
            }
        };

        Decisions(LegalHold hold) {
            this.scopeOnly = hold.isActive() ? hold
                    : new LegalHold(hold.id(), hold.matter(), hold.reason(), hold.placedBy(), hold.placedAt(), hold.scope(), null);
        }

        Optional<StoredMessage> covered(String messageId) {
            return store.message(messageId).filter(message -> evaluator.covers(scopeOnly, facts.of(message)));
        }

        boolean covers(String messageId) {
            return remembered.computeIfAbsent(messageId, id -> covered(id).isPresent());
        }
    }
}
