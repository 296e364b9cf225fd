package org.imarchive.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.search.SearchHit;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.SearchResult;
import org.imarchive.archive.search.SortOrder;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.gateway.holds.HeldMessages;
import org.imarchive.gateway.holds.LegalHolds;
import org.imarchive.gateway.search.Visibility;
import org.imarchive.gateway.security.Actors;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@code GET /api/messages}: Lucene query syntax plus filters, newest first, paged by a stable cursor (or by
 * {@code page}, which walks the cursor), each hit with highlights; every search is audited with its query, and the
 * results hold only what the caller may see. With {@code hold}, the hits are those of messages the hold covers, each
 * decided as disposition decides it ({@link HeldMessages}), and {@code totalExact} says whether {@code total} was
 * counted exactly or is an upper bound.
 */
@RestController
@RequestMapping("/api/messages")
public class SearchController {
    private static final int MAX_PAGED_HITS = 10_000;

    private final SearchIndex index;
    private final ArchiveStore store;
    private final AuditLog audit;
    private final Visibility visibility;
    private final LegalHolds holds;
    private final HeldMessages held;

    public SearchController(SearchIndex index, ArchiveStore store, AuditLog audit, Visibility visibility, LegalHolds holds,
                            HeldMessages held) {
        this.index = index;
        this.store = store;
        this.audit = audit;
        this.visibility = visibility;
        this.holds = holds;
        this.held = held;
    }

    @GetMapping
    public Map<String, Object> search(@RequestParam(defaultValue = "") String q,
                                      @RequestParam(required = false) String platform,
                                      @RequestParam(required = false) String participant,
                                      @RequestParam(required = false) String account,
                                      @RequestParam(required = false) String conversation,
                                      @RequestParam(required = false) Instant from,
                                      @RequestParam(required = false) Instant to,
                                      @RequestParam(required = false) Boolean flagged,
                                      @RequestParam(required = false) String hold,
                                      @RequestParam(defaultValue = "false") boolean currentOnly,
                                      @RequestParam(defaultValue = "newest") String order,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size,
                                      @RequestParam(required = false) String cursor,
                                      Authentication caller,
                                      HttpServletRequest request) {
        if (page < 0 || (long) (page + 1) * size > MAX_PAGED_HITS) {
            throw new IllegalArgumentException("page * size may not pass " + MAX_PAGED_HITS + "; use the cursor ('next') to go further");
        }
        SearchQuery query = SearchQuery.builder()
                .q(q).platform(platform).participant(participant).account(account).conversationId(conversation)
                .from(from).to(to).flagged(flagged).currentOnly(currentOnly)
                .visibleRms(visibility.visibleRms(caller))
                .pageSize(size).cursor(cursor)
                .order("oldest".equals(order) ? SortOrder.OLDEST_FIRST : SortOrder.NEWEST_FIRST)
                .build();
        String described = "q=" + q + " platform=" + platform + " participant=" + participant + " account=" + account
                + " conversation=" + conversation + " from=" + from + " to=" + to + " flagged=" + flagged + " hold=" + hold
                + " page=" + page + " size=" + size;
        SearchResult result;
        Boolean totalExact = null;
        try {
            if (hold != null && !hold.isBlank()) {
                HeldMessages.HeldPage covered = held.page(holds.get(hold.strip()), query, page);
                result = new SearchResult(covered.total(), covered.hits(), covered.nextCursor());
                totalExact = covered.totalExact();
            } else {
                result = index.search(query);
                for (int skipped = 0; skipped < page && result.nextCursor() != null; skipped++) {
                    result = index.search(query.withCursor(result.nextCursor()));
                }
            }
        } catch (IllegalArgumentException | NoSuchElementException e) {
            audit.record(new AuditEvent(Actors.current(), "search", null, AuditEvent.Outcome.REFUSED, Actors.addressOf(request),
                    described + " error=" + e.getMessage()));
            throw e;
        }
        audit.record(new AuditEvent(Actors.current(), "search", null, AuditEvent.Outcome.SUCCESS, Actors.addressOf(request),
                described + " total=" + result.total()));
        List<Map<String, Object>> items = new ArrayList<>(result.hits().size());
        for (SearchHit hit : result.hits()) {
            store.message(hit.messageId()).ifPresent(message -> items.add(item(hit, message)));
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("total", result.total());
        if (totalExact != null) {
            view.put("totalExact", totalExact);
        }
        view.put("items", items);
        if (result.nextCursor() != null) {
            view.put("next", result.nextCursor());
        }
        return view;
    }

    private static Map<String, Object> item(SearchHit hit, StoredMessage message) {
        Map<String, Object> item = MessageViews.summary(message);
        item.put("versionNumber", hit.versionNumber());
        item.put("current", hit.current());
        message.versions().stream().filter(version -> version.recordId().equals(hit.id())).findFirst()
                .ifPresent(version -> item.put("text", StoredMessage.contentOf(version).text()));
        item.put("highlights", hit.highlights());
        return item;
    }
}
