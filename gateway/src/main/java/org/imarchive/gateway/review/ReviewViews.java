package org.imarchive.gateway.review;

import org.imarchive.archive.store.StoredMessage;
import org.imarchive.gateway.api.MessageViews;
import org.imarchive.supervision.queue.ReviewAge;
import org.imarchive.supervision.queue.ReviewItem;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The JSON shape of the queue: the contract's names (id, messageId, state, reasons) and what a reviewer works by. */
final class ReviewViews {

    private ReviewViews() {
    }

    static Map<String, Object> summary(ReviewItem item, Instant now, Duration sla) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", item.id());
        view.put("messageId", item.messageId());
        view.put("state", item.state().wireName());
        view.put("reasons", item.reasons());
        view.put("group", item.group());
        view.put("rm", item.rm());
        view.put("assignee", item.assignee());
        view.put("recordId", item.recordId());
        view.put("versionNumber", item.versionNumber());
        view.put("severity", item.severity() == null ? null : item.severity().wireName());
        view.put("riskScore", item.riskScore());
        view.put("outcome", item.outcome() == null ? null : item.outcome().wireName());
        view.put("createdAt", item.createdAt());
        view.put("closedAt", item.closedAt());
        view.put("ageDays", ReviewAge.ageDays(item.createdAt(), item.closedAt(), now));
        view.put("overdue", ReviewAge.overdue(item.state(), item.createdAt(), sla, now));
        view.put("sample", item.sample());
        view.values().removeIf(Objects::isNull);
        return view;
    }

    static Map<String, Object> detail(ReviewService.OpenedItem opened, Instant now, Duration sla) {
        Map<String, Object> view = summary(opened.item(), now, sla);
        view.put("hits", opened.hits());
        view.put("problems", opened.problems());
        view.put("comments", opened.comments());
        view.put("decisions", opened.decisions());
        view.put("assignments", opened.assignments());
        opened.message().ifPresent(message -> view.put("message", MessageViews.full(message)));
        view.put("context", context(opened.context(), opened.item().messageId()));
        return view;
    }

    /** The conversation around the message, each marked whether it is the one under review. */
    private static List<Map<String, Object>> context(List<StoredMessage> messages, String messageId) {
        return messages.stream().map(message -> {
            Map<String, Object> view = MessageViews.summary(message);
            view.put("underReview", message.messageId().equals(messageId));
            return view;
        }).toList();
    }
}
