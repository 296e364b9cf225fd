package org.imarchive.supervision.queue;

import org.imarchive.archive.support.Ids;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.supervision.lexicon.Hit;
import org.imarchive.supervision.lexicon.ScanProblem;
import org.imarchive.supervision.policy.PolicyRef;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scanner's side of the queue: records that a message version was scanned, and under which policies, and files
 * an item when it needs review, both in one transaction. A version is filed at most once (its record id is unique),
 * so a scanner that replays the ledger after a crash neither loses nor duplicates an item.
 */
public final class ReviewFiling {
    private final DataSource dataSource;

    public ReviewFiling(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @param itemId the item filed, or null when the version needed no review or had been scanned before */
    public record Filed(boolean firstScan, String itemId) {
    }

    /** Which of these message versions have been scanned already. */
    public Set<String> scannedAmong(Collection<String> recordIds) {
        if (recordIds.isEmpty()) {
            return Set.of();
        }
        return Transactions.inTransaction(dataSource, "read its scans", connection -> {
            Set<String> scanned = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement("select record_id from review_scan where record_id in ("
                    + "?,".repeat(recordIds.size() - 1) + "?)")) {
                Transactions.bind(select, new ArrayList<>(recordIds));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        scanned.add(rows.getString(1));
                    }
                }
            }
            return scanned;
        });
    }

    public Filed file(NewReviewItem version, List<PolicyRef> policiesApplied) {
        return Transactions.inTransaction(dataSource, "file message version " + version.recordId(), connection -> {
            String itemId = version.needsReview() ? Ids.newId(version.createdAt()) : null;
            Savepoint beforeScan = connection.setSavepoint();
            try {
                insertScan(connection, version, policiesApplied, itemId);
            } catch (SQLException e) {
                if (Transactions.isDuplicate(e)) {
                    connection.rollback(beforeScan);
                    return new Filed(false, null);
                }
                throw e;
            }
            if (itemId != null) {
                insertItem(connection, itemId, version);
                insertHits(connection, itemId, version.hits());
                insertProblems(connection, itemId, version.problems());
            }
            return new Filed(true, itemId);
        });
    }

    private static void insertScan(Connection connection, NewReviewItem version, List<PolicyRef> policies, String itemId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into review_scan (record_id, message_id, scanned_at, policies_applied, hit_count, item_id) values (?,?,?,?,?,?)")) {
            insert.setString(1, version.recordId());
            insert.setString(2, version.messageId());
            insert.setObject(3, Jdbc.timestamp(version.createdAt()));
            insert.setString(4, policies.stream().map(p -> p.id() + "@" + p.version()).collect(Collectors.joining(" ")));
            insert.setInt(5, version.hits().size());
            insert.setString(6, itemId);
            insert.executeUpdate();
        }
    }

    private static void insertItem(Connection connection, String itemId, NewReviewItem version) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into review_item (item_id, message_id, record_id, version_number,"
                + " rm, group_name, reasons, severity_rank, risk_score, state, created_at, sample_seed_id, sample_value, sample_rate, sample_reason)"
                + " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            insert.setString(1, itemId);
            insert.setString(2, version.messageId());
            insert.setString(3, version.recordId());
            insert.setObject(4, version.versionNumber());
            insert.setString(5, version.rm());
            insert.setString(6, version.group());
            insert.setString(7, String.join(" ", version.reasons()));
            insert.setInt(8, NewReviewItem.severityRank(version.severity()));
            insert.setInt(9, version.riskScore());
            insert.setString(10, ReviewState.OPEN.wireName());
            insert.setObject(11, Jdbc.timestamp(version.createdAt()));
            boolean sampled = version.sample() != null;
            insert.setString(12, sampled ? version.sample().seedId() : null);
            insert.setObject(13, sampled ? version.sample().value() : null);
            insert.setObject(14, sampled ? version.sample().rate() : null);
            insert.setString(15, sampled ? version.sample().reason().name().toLowerCase(java.util.Locale.ROOT) : null);
            insert.executeUpdate();
        }
    }

    private static void insertHits(Connection connection, String itemId, List<Hit> hits) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into review_hit (item_id, ordinal, policy_id, policy_version,"
                + " policy_hash, rule_id, rule_kind, severity, risk_score, part, span_start, span_end, matched_text) values (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < hits.size(); i++) {
                Hit hit = hits.get(i);
                insert.setString(1, itemId);
                insert.setInt(2, i);
                insert.setString(3, hit.policy().id());
                insert.setInt(4, hit.policy().version());
                insert.setString(5, hit.policy().contentHash());
                insert.setString(6, hit.ruleId());
                insert.setString(7, hit.ruleKind().wireName());
                insert.setString(8, hit.severity().wireName());
                insert.setInt(9, hit.riskScore());
                insert.setString(10, hit.part());
                insert.setInt(11, hit.start());
                insert.setInt(12, hit.end());
                insert.setString(13, hit.matchedText());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertProblems(Connection connection, String itemId, List<ScanProblem> problems) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into review_problem (item_id, ordinal, policy_id, rule_id, part, reason) values (?,?,?,?,?,?)")) {
            for (int i = 0; i < problems.size(); i++) {
                ScanProblem problem = problems.get(i);
                insert.setString(1, itemId);
                insert.setInt(2, i);
                insert.setString(3, problem.policyId());
                insert.setString(4, problem.ruleId());
                insert.setString(5, problem.part());
                insert.setString(6, problem.reason());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
