package org.imarchive.supervision.queue;

import org.imarchive.archive.support.Ids;
import org.imarchive.archive.support.Jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.NoSuchElementException;

/**
 * What reviewers do to an item: assign it, comment on it, decide it. Each action appends its evidence (a comment,
 * a decision, an assignment) and moves the item's state by {@link ReviewWorkflow} in the same transaction, with the
 * item locked, so two reviewers deciding at once cannot both close it.
 */
public final class ReviewActions {
    public static final String ASSIGNED = "assigned";
    public static final String ESCALATED = "escalated";

    private final DataSource dataSource;

    public ReviewActions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ReviewEvidence.Assignment assign(String itemId, String assignee, String assignedBy, Instant at) {
        return Transactions.inTransaction(dataSource, "assign item " + itemId, connection -> {
            ReviewState next = ReviewWorkflow.afterAssignment(locked(connection, itemId).state());
            ReviewEvidence.Assignment assignment = new ReviewEvidence.Assignment(Ids.newId(at), itemId, assignee, assignedBy, at, ASSIGNED);
            insertAssignment(connection, assignment);
            try (PreparedStatement update = connection.prepareStatement("update review_item set state = ?, assignee = ? where item_id = ?")) {
                update.setString(1, next.wireName());
                update.setString(2, assignee);
                update.setString(3, itemId);
                update.executeUpdate();
            }
            return assignment;
        });
    }

    /** A comment may be added in any state: a note after closure is evidence too, and changes no decision. */
    public ReviewEvidence.Comment comment(String itemId, String author, String body, Instant at) {
        requireText(body, "a comment needs text");
        return Transactions.inTransaction(dataSource, "comment on item " + itemId, connection -> {
            locked(connection, itemId);
            ReviewEvidence.Comment comment = new ReviewEvidence.Comment(Ids.newId(at), itemId, author, at, body);
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into review_comment (comment_id, item_id, author, created_at, body) values (?,?,?,?,?)")) {
                insert.setString(1, comment.id());
                insert.setString(2, itemId);
                insert.setString(3, author);
                insert.setObject(4, Jdbc.timestamp(at));
                insert.setString(5, body);
                insert.executeUpdate();
            }
            return comment;
        });
    }

    /**
     * Records a decision with its reason. An escalation hands the item to {@code escalatedTo} (recorded as an
     * assignment too); the other outcomes close it.
     */
    public ReviewEvidence.Decision decide(String itemId, ReviewOutcome outcome, String comment, String decidedBy, String escalatedTo,
                                          Instant at) {
        requireText(comment, "a decision needs a comment saying why");
        if ((outcome == ReviewOutcome.ESCALATED) != (escalatedTo != null)) {
            throw new IllegalArgumentException("an escalation, and only an escalation, names the principal who takes the item over");
        }
        return Transactions.inTransaction(dataSource, "decide item " + itemId, connection -> {
            ReviewState next = ReviewWorkflow.afterDecision(locked(connection, itemId).state(), outcome);
            ReviewEvidence.Decision decision = new ReviewEvidence.Decision(Ids.newId(at), itemId, decidedBy, at, outcome, comment, escalatedTo);
            try (PreparedStatement insert = connection.prepareStatement("insert into review_decision (decision_id, item_id, decided_by,"
                    + " decided_at, outcome, comment, escalated_to) values (?,?,?,?,?,?,?)")) {
                insert.setString(1, decision.id());
                insert.setString(2, itemId);
                insert.setString(3, decidedBy);
                insert.setObject(4, Jdbc.timestamp(at));
                insert.setString(5, outcome.wireName());
                insert.setString(6, comment);
                insert.setString(7, escalatedTo);
                insert.executeUpdate();
            }
            if (escalatedTo != null) {
                insertAssignment(connection, new ReviewEvidence.Assignment(Ids.newId(at), itemId, escalatedTo, decidedBy, at, ESCALATED));
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update review_item set state = ?, outcome = ?, assignee = coalesce(?, assignee), closed_at = ? where item_id = ?")) {
                update.setString(1, next.wireName());
                update.setString(2, outcome.wireName());
                update.setString(3, escalatedTo);
                update.setObject(4, next == ReviewState.CLOSED ? Jdbc.timestamp(at) : null);
                update.setString(5, itemId);
                update.executeUpdate();
            }
            return decision;
        });
    }

    private static ReviewItem locked(Connection connection, String itemId) throws SQLException {
        return ReviewReads.item(connection, itemId, true).orElseThrow(() -> new NoSuchElementException("review item " + itemId + " not found"));
    }

    private static void insertAssignment(Connection connection, ReviewEvidence.Assignment assignment) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into review_assignment (assignment_id, item_id, assignee,"
                + " assigned_by, assigned_at, reason) values (?,?,?,?,?,?)")) {
            insert.setString(1, assignment.id());
            insert.setString(2, assignment.itemId());
            insert.setString(3, assignment.assignee());
            insert.setString(4, assignment.assignedBy());
            insert.setObject(5, Jdbc.timestamp(assignment.at()));
            insert.setString(6, assignment.reason());
            insert.executeUpdate();
        }
    }

    private static void requireText(String text, String reason) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(reason);
        }
    }
}
