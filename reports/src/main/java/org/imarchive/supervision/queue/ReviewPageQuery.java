package org.imarchive.supervision.queue;

import org.imarchive.archive.support.Jdbc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One page of the queue as a reviewer asks for it, with what they may see.
 *
 * @param state      only items in this state; null for every state
 * @param group      only items routed to this supervision group; null for every group
 * @param assignee   only items assigned to this user; null for anyone's
 * @param overdue    only overdue (true) or only not overdue (false) items; null for both
 * @param reason     only items in the queue for this reason ({@code lexicon:complaints}, {@code sample}); null for any
 * @param visibleRms the relationship managers whose items the caller may see; null for all (compliance). Items of a
 *                   message without a known RM are seen only by callers without restriction.
 * @param page       0-based page number
 */
public record ReviewPageQuery(ReviewState state, String group, String assignee, Boolean overdue, String reason, Set<String> visibleRms,
                              int page, int size) {

    public static final int MAX_SIZE = 200;

    /** Most severe first, then riskiest, then oldest: the order the written procedure asks items to be worked in. */
    static final String ORDER = " order by severity_rank desc, risk_score desc, created_at, item_id";

    public ReviewPageQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        // a reason is matched with LIKE: only the characters reasons are made of, so no wildcard gets in
        if (reason != null && !reason.matches("[a-z0-9][a-z0-9:._-]*")) {
            throw new IllegalArgumentException("reason must look like lexicon:<policy>, scan-problem:<policy> or sample, not '" + reason + "'");
        }
        visibleRms = visibleRms == null ? null : Set.copyOf(visibleRms);
    }

    /** A {@code where} clause over {@code review_item} and its arguments, in order. */
    public record Where(String sql, List<Object> arguments) {
    }

    /** @param overdueBefore items not closed and created before this instant are overdue ({@link ReviewAge}) */
    public Where where(Instant overdueBefore) {
        StringBuilder sql = new StringBuilder(" where 1=1");
        List<Object> arguments = new ArrayList<>();
        if (visibleRms != null) {
            if (visibleRms.isEmpty()) {
                return new Where(" where 1=0", List.of());
            }
            sql.append(" and rm in (").append("?,".repeat(visibleRms.size() - 1)).append("?)");
            arguments.addAll(visibleRms.stream().sorted().toList());
        }
        if (state != null) {
            sql.append(" and state = ?");
            arguments.add(state.wireName());
        }
        if (group != null) {
            sql.append(" and group_name = ?");
            arguments.add(group);
        }
        if (assignee != null) {
            sql.append(" and assignee = ?");
            arguments.add(assignee);
        }
        if (reason != null) {
            sql.append(" and (' ' || reasons || ' ') like ?");
            arguments.add("% " + reason + " %");
        }
        if (overdue != null) {
            sql.append(overdue ? " and state <> ? and created_at < ?" : " and (state = ? or created_at >= ?)");
            arguments.add(ReviewState.CLOSED.wireName());
            arguments.add(Jdbc.timestamp(overdueBefore));
        }
        return new Where(sql.toString(), arguments);
    }

    public long offset() {
        return (long) page * size;
    }
}
