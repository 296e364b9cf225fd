package org.imarchive.supervision.queue;

import org.imarchive.archive.support.Jdbc;
import org.imarchive.supervision.lexicon.Hit;
import org.imarchive.supervision.lexicon.ScanProblem;
import org.imarchive.supervision.policy.PolicyRef;
import org.imarchive.supervision.policy.RuleKind;
import org.imarchive.supervision.policy.Severity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading the queue: a page of items, one item, and the evidence of its review. */
public final class ReviewReads {
    static final String ITEM_COLUMNS = "item_id, message_id, record_id, version_number, rm, group_name, reasons, severity_rank,"
            + " risk_score, state, outcome, assignee, created_at, closed_at, sample_seed_id, sample_value, sample_rate, sample_reason";

    private final DataSource dataSource;

    public ReviewReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param overdueBefore see {@link ReviewAge#overdueIfCreatedBefore} */
    public ReviewPage page(ReviewPageQuery query, Instant overdueBefore) {
        ReviewPageQuery.Where where = query.where(overdueBefore);
        return Transactions.inTransaction(dataSource, "read a page", connection -> {
            long total;
            try (PreparedStatement count = connection.prepareStatement("select count(*) from review_item" + where.sql())) {
                Transactions.bind(count, where.arguments());
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    total = rows.getLong(1);
                }
            }
            List<ReviewItem> items = new ArrayList<>();
            if (total > query.offset()) {
                try (PreparedStatement select = connection.prepareStatement("select " + ITEM_COLUMNS + " from review_item" + where.sql()
                        + ReviewPageQuery.ORDER + " offset " + query.offset() + " rows fetch next " + query.size() + " rows only")) {
                    Transactions.bind(select, where.arguments());
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            items.add(item(rows));
                        }
                    }
                }
            }
            return new ReviewPage(total, items);
        });
    }

    public Optional<ReviewItem> item(String itemId) {
        return Transactions.inTransaction(dataSource, "read item " + itemId, connection -> item(connection, itemId, false));
    }

    /** The item, locked for the rest of the transaction when {@code forUpdate}, so two decisions cannot cross. */
    static Optional<ReviewItem> item(Connection connection, String itemId, boolean forUpdate) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select " + ITEM_COLUMNS + " from review_item where item_id = ?"
                + (forUpdate ? " for update" : ""))) {
            select.setString(1, itemId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(item(rows)) : Optional.empty();
            }
        }
    }

    public List<Hit> hits(String itemId) {
        return list("select policy_id, policy_version, policy_hash, rule_id, rule_kind, severity, risk_score, part, span_start, span_end,"
                + " matched_text from review_hit where item_id = ? order by ordinal", itemId, rows -> new Hit(
                new PolicyRef(rows.getString(1), rows.getInt(2), rows.getString(3)), rows.getString(4),
                RuleKind.valueOf(rows.getString(5).toUpperCase(Locale.ROOT)), Severity.valueOf(rows.getString(6).toUpperCase(Locale.ROOT)),
                rows.getInt(7), rows.getString(8), rows.getInt(9), rows.getInt(10), rows.getString(11)));
    }

    public List<ScanProblem> problems(String itemId) {
        return list("select policy_id, rule_id, part, reason from review_problem where item_id = ? order by ordinal", itemId,
                rows -> new ScanProblem(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
    }

    public List<ReviewEvidence.Comment> comments(String itemId) {
        return list("select comment_id, item_id, author, created_at, body from review_comment where item_id = ? order by created_at, comment_id",
                itemId, rows -> new ReviewEvidence.Comment(rows.getString(1), rows.getString(2), rows.getString(3), Jdbc.instant(rows, 4),
                        rows.getString(5)));
    }

    public List<ReviewEvidence.Decision> decisions(String itemId) {
        return list("select decision_id, item_id, decided_by, decided_at, outcome, comment, escalated_to from review_decision"
                + " where item_id = ? order by decided_at, decision_id", itemId, rows -> new ReviewEvidence.Decision(rows.getString(1),
                rows.getString(2), rows.getString(3), Jdbc.instant(rows, 4), ReviewOutcome.fromWireName(rows.getString(5)),
                rows.getString(6), rows.getString(7)));
    }

    public List<ReviewEvidence.Assignment> assignments(String itemId) {
        return list("select assignment_id, item_id, assignee, assigned_by, assigned_at, reason from review_assignment"
                + " where item_id = ? order by assigned_at, assignment_id", itemId, rows -> new ReviewEvidence.Assignment(rows.getString(1),
                rows.getString(2), rows.getString(3), rows.getString(4), Jdbc.instant(rows, 5), rows.getString(6)));
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> List<T> list(String sql, String itemId, Row<T> row) {
        return Transactions.inTransaction(dataSource, "read the evidence of item " + itemId, connection -> {
            List<T> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, itemId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(row.read(rows));
                    }
                }
            }
            return found;
        });
    }

    private static ReviewItem item(ResultSet rows) throws SQLException {
        int severityRank = rows.getInt(8);
        String seedId = rows.getString(15);
        String reasons = rows.getString(7);
        return new ReviewItem(rows.getString(1), rows.getString(2), rows.getString(3), (Integer) rows.getObject(4),
                rows.getString(5), rows.getString(6), reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split(" ")),
                severityRank == 0 ? null : Severity.values()[severityRank - 1], rows.getInt(9),
                ReviewState.fromWireName(rows.getString(10)),
                rows.getString(11) == null ? null : ReviewOutcome.fromWireName(rows.getString(11)), rows.getString(12),
                Jdbc.instant(rows, 13), Jdbc.instant(rows, 14),
                seedId == null ? null : new ReviewItem.Sample(seedId, rows.getDouble(16), rows.getDouble(17), rows.getString(18)));
    }
}
