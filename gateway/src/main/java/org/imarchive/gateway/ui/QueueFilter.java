package org.imarchive.gateway.ui;

import org.imarchive.supervision.queue.ReviewState;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The queue's filters as the page carries them from the list to an item and back, so that "next" means the next item
 * of the same list.
 *
 * @param state   {@code open} when absent; an empty value means every state
 * @param overdue {@code yes}, {@code no}, or empty for both
 * @param mine    only the items assigned to the caller
 */
public record QueueFilter(String state, String group, String reason, String overdue, Boolean mine) {
    static final String DEFAULT_STATE = "open";

    public QueueFilter {
        state = state == null ? DEFAULT_STATE : state.strip();
        group = blankToNull(group);
        reason = blankToNull(reason);
        overdue = blankToNull(overdue);
        mine = Boolean.TRUE.equals(mine);
        if (overdue != null && !overdue.equals("yes") && !overdue.equals("no")) {
            throw new IllegalArgumentException("overdue must be yes, no or empty, not '" + overdue + "'");
        }
    }

    public ReviewState reviewState() {
        return state.isEmpty() ? null : ReviewState.fromWireName(state);
    }

    public Boolean overdueOnly() {
        return overdue == null ? null : overdue.equals("yes");
    }

    /** The query string (without '?') that reproduces these filters, for links and redirects. */
    public String query() {
        UriComponentsBuilder query = UriComponentsBuilder.newInstance().queryParam("state", state);
        if (group != null) {
            query.queryParam("group", group);
        }
        if (reason != null) {
            query.queryParam("reason", reason);
        }
        if (overdue != null) {
            query.queryParam("overdue", overdue);
        }
        if (mine) {
            query.queryParam("mine", true);
        }
        return query.encode().build().getQuery();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
