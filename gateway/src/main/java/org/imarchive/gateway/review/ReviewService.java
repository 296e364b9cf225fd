package org.imarchive.gateway.review;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.gateway.search.Visibility;
import org.imarchive.gateway.security.Role;
import org.imarchive.supervision.lexicon.Hit;
import org.imarchive.supervision.lexicon.ScanProblem;
import org.imarchive.supervision.queue.ReviewActions;
import org.imarchive.supervision.queue.ReviewConflict;
import org.imarchive.supervision.queue.ReviewEvidence;
import org.imarchive.supervision.queue.ReviewItem;
import org.imarchive.supervision.queue.ReviewOutcome;
import org.imarchive.supervision.queue.ReviewPage;
import org.imarchive.supervision.queue.ReviewPageQuery;
import org.imarchive.supervision.queue.ReviewReads;
import org.imarchive.supervision.queue.ReviewAge;
import org.imarchive.supervision.queue.ReviewState;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * The reviewers' work on the queue, with the rules around it: a caller sees and acts on the items of the RMs in their
 * supervision groups only (compliance: all); nobody reviews their own messages; an escalated item is decided by its
 * principal or by compliance; every action, refusals included, goes on the audit trail.
 */
@Service
public class ReviewService {
    private final ReviewReads reads;
    private final ReviewActions actions;
    private final ArchiveStore store;
    private final Visibility visibility;
    private final SelfReviewGuard selfReview;
    private final Principals principals;
    private final AuditLog audit;
    private final ReviewProperties properties;
    private final Clock clock;

    public ReviewService(ReviewReads reads, ReviewActions actions, ArchiveStore store, Visibility visibility, SelfReviewGuard selfReview,
                         Principals principals, AuditLog audit, ReviewProperties properties, Clock clock) {
        this.reads = reads;
        this.actions = actions;
        this.store = store;
        this.visibility = visibility;
        this.selfReview = selfReview;
        this.principals = principals;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** An item as opened for review: its evidence, and the message in its conversation. */
    public record OpenedItem(ReviewItem item, List<Hit> hits, List<ScanProblem> problems, List<ReviewEvidence.Comment> comments,
                             List<ReviewEvidence.Decision> decisions, List<ReviewEvidence.Assignment> assignments,
                             Optional<StoredMessage> message, List<StoredMessage> context) {
    }

    public ReviewPage page(Authentication caller, ReviewState state, String group, String assignee, Boolean overdue, String reason, int page,
                           int size, String remoteAddress) {
        ReviewPageQuery query = new ReviewPageQuery(state, group, assignee, overdue, reason, visibility.visibleRms(caller), page, size);
        ReviewPage result = reads.page(query, ReviewAge.overdueIfCreatedBefore(properties.sla(), clock.instant()));
        audit.record(new AuditEvent(caller.getName(), "review.list", null, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "state=" + (state == null ? null : state.wireName()) + " group=" + group + " assignee=" + assignee + " overdue=" + overdue
                        + " reason=" + reason + " page=" + page + " size=" + size + " total=" + result.total()));
        return result;
    }

    /** Opening an item is audited as {@code review.open}; it is not a review, which only a decision records. */
    public OpenedItem open(Authentication caller, String itemId, String remoteAddress) {
        ReviewItem item = visibleItem(caller, itemId, "review.open", remoteAddress);
        OpenedItem opened = new OpenedItem(item, reads.hits(itemId), reads.problems(itemId), reads.comments(itemId), reads.decisions(itemId),
                reads.assignments(itemId), store.message(item.messageId()), store.conversationAround(item.messageId(), 5, 5));
        audit.record(new AuditEvent(caller.getName(), "review.open", itemId, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "message=" + item.messageId()));
        return opened;
    }

    /** @param assignee who works the item; null for the caller */
    public ReviewEvidence.Assignment assign(Authentication caller, String itemId, String assignee, String remoteAddress) {
        ReviewItem item = visibleItem(caller, itemId, "review.assign", remoteAddress);
        String to = assignee == null || assignee.isBlank() ? caller.getName() : assignee;
        refuseUnless(to.equals(caller.getName()) ? principals.mayReview(caller) : principals.mayReview(to), caller, "review.assign", itemId, remoteAddress,
                to + " is not a user with the reviewer, supervisor or compliance role");
        refuseUnless(!selfReview.ownsMessageOf(to, item), caller, "review.assign", itemId, remoteAddress,
                to + " is the relationship manager of this message and may not review it");
        ReviewEvidence.Assignment assignment = act(caller, "review.assign", itemId, remoteAddress,
                () -> actions.assign(itemId, to, caller.getName(), clock.instant()));
        audit.record(new AuditEvent(caller.getName(), "review.assign", itemId, AuditEvent.Outcome.SUCCESS, remoteAddress, "assignee=" + to));
        return assignment;
    }

    public ReviewEvidence.Comment comment(Authentication caller, String itemId, String body, String remoteAddress) {
        visibleItem(caller, itemId, "review.comment", remoteAddress);
        ReviewEvidence.Comment comment = act(caller, "review.comment", itemId, remoteAddress,
                () -> actions.comment(itemId, caller.getName(), body, clock.instant()));
        // the comment's text stays in the queue's evidence; the trail says who commented when
        audit.record(new AuditEvent(caller.getName(), "review.comment", itemId, AuditEvent.Outcome.SUCCESS, remoteAddress, "comment=" + comment.id()));
        return comment;
    }

    /** @param principal for an escalation, the supervisor who takes the item over; null to take the item's group's first */
    public ReviewEvidence.Decision decide(Authentication caller, String itemId, ReviewOutcome outcome, String comment, String principal,
                                          String remoteAddress) {
        ReviewItem item = visibleItem(caller, itemId, "review.decision", remoteAddress);
        refuseUnless(!selfReview.ownsMessageOf(caller.getName(), item), caller, "review.decision", itemId, remoteAddress,
                "a reviewer never reviews their own messages: " + caller.getName() + " is the relationship manager of this message");
        boolean escalated = item.outcome() == ReviewOutcome.ESCALATED && item.state() != ReviewState.CLOSED;
        refuseUnless(!escalated || caller.getName().equals(item.assignee()) || hasRole(caller, Role.COMPLIANCE), caller, "review.decision",
                itemId, remoteAddress, "the item was escalated to " + item.assignee() + "; only they or compliance decide it now");
        String escalatedTo = null;
        if (outcome == ReviewOutcome.ESCALATED) {
            escalatedTo = principal != null && !principal.isBlank() ? principal : principals.firstSupervisorOf(item.group(), caller.getName(), item).orElse(null);
            refuseUnless(escalatedTo != null, caller, "review.decision", itemId, remoteAddress,
                    "no principal to escalate to: group " + item.group() + " has no other supervisor; name one as 'principal'");
            String target = escalatedTo;
            refuseUnless(principals.isSupervisor(target) && !target.equals(caller.getName()) && !selfReview.ownsMessageOf(target, item),
                    caller, "review.decision", itemId, remoteAddress,
                    target + " cannot take the escalation: a principal is another user with the supervisor role who does not own the message");
        }
        String to = escalatedTo;
        ReviewEvidence.Decision decision = act(caller, "review.decision", itemId, remoteAddress,
                () -> actions.decide(itemId, outcome, comment, caller.getName(), to, clock.instant()));
        audit.record(new AuditEvent(caller.getName(), "review.decision", itemId, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "outcome=" + outcome.wireName() + " decision=" + decision.id() + (to == null ? "" : " escalatedTo=" + to)));
        return decision;
    }

    /** The item if the caller may see it; else it does not exist for them (404), and the attempt is audited. */
    private ReviewItem visibleItem(Authentication caller, String itemId, String action, String remoteAddress) {
        Optional<ReviewItem> item = reads.item(itemId);
        Set<String> visibleRms = visibility.visibleRms(caller);
        if (item.isEmpty() || (visibleRms != null && (item.get().rm() == null || !visibleRms.contains(item.get().rm())))) {
            audit.record(new AuditEvent(caller.getName(), action, itemId, AuditEvent.Outcome.REFUSED, remoteAddress,
                    item.isEmpty() ? "no such item" : "not in the caller's supervision groups"));
            throw new NoSuchElementException("review item " + itemId + " not found");
        }
        return item.get();
    }

    /** Runs a queue action, auditing a refusal by the state machine (a closed item) before it reaches the caller. */
    private <T> T act(Authentication caller, String action, String itemId, String remoteAddress, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ReviewConflict | IllegalArgumentException e) {
            audit.record(new AuditEvent(caller.getName(), action, itemId, AuditEvent.Outcome.REFUSED, remoteAddress, e.getMessage()));
            throw e;
        }
    }

    private void refuseUnless(boolean allowed, Authentication caller, String action, String itemId, String remoteAddress, String reason) {
        if (!allowed) {
            audit.record(new AuditEvent(caller.getName(), action, itemId, AuditEvent.Outcome.REFUSED, remoteAddress, reason));
            throw new ReviewConflict(reason);
        }
    }

    private static boolean hasRole(Authentication caller, Role role) {
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(role.authority()::equals);
    }
}
