package org.imarchive.gateway.reports;

import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.accounts.RegisteredAccount;
import org.imarchive.production.report.ReportPeriod;
import org.imarchive.production.report.SupervisionFacts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Reads what the supervision report of a period is built from. {@code visibleRms} narrows everything to the messages
 * and items of those relationship managers (a supervisor's groups; null for all): an account's RM is its owner in the
 * register, an item's RM the one recorded when it was filed.
 */
@Component
public class SupervisionFactsReader {
    private final JdbcTemplate jdbc;
    private final AccountRegister accounts;

    public SupervisionFactsReader(JdbcTemplate jdbc, AccountRegister accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    /** Messages sent in the period (originals; quarantined ones included), per account and direction. */
    public List<SupervisionFacts.Captured> captured(ReportPeriod period, Set<String> visibleRms) {
        List<SupervisionFacts.Captured> captured = new ArrayList<>();
        jdbc.query("select platform, account_id, direction, count(*) from message where original_captured = true and sent_at >= ? and sent_at < ?"
                + " group by platform, account_id, direction", rows -> {
            AccountRef account = new AccountRef(Platform.fromWireName(rows.getString(1)), rows.getString(2));
            String rm = accounts.ownerOf(account).orElse(null);
            if (visible(rm, visibleRms)) {
                captured.add(new SupervisionFacts.Captured(rows.getString(1), rows.getString(2), rm, accounts.isApproved(account),
                        rows.getString(3), rows.getLong(4)));
            }
        }, Jdbc.timestamp(period.start()), Jdbc.timestamp(period.end()));
        return captured;
    }

    /** Accounts approved before the period ended and approved still, with their last message before its end. */
    public List<SupervisionFacts.ApprovedAccount> approved(ReportPeriod period, Set<String> visibleRms) {
        return accounts.all().stream()
                .filter(account -> account.state() == RegisteredAccount.State.APPROVED && account.decidedAt() != null
                        && account.decidedAt().isBefore(period.end()) && visible(account.owner(), visibleRms))
                .map(account -> new SupervisionFacts.ApprovedAccount(account.platform().wireName(), account.accountId(), account.owner(),
                        lastMessageBefore(account, period.end())))
                .toList();
    }

    private Instant lastMessageBefore(RegisteredAccount account, Instant end) {
        return jdbc.query("select max(sent_at) from message where platform = ? and account_id = ? and sent_at < ?",
                rows -> rows.next() ? Jdbc.instant(rows, 1) : null, account.platform().wireName(), account.accountId(), Jdbc.timestamp(end));
    }

    public List<SupervisionFacts.PolicyHits> policyHits(ReportPeriod period, Set<String> visibleRms) {
        List<Object> arguments = new ArrayList<>(List.of(Jdbc.timestamp(period.start()), Jdbc.timestamp(period.end())));
        return jdbc.query("select h.policy_id, count(*), count(distinct h.item_id) from review_hit h join review_item i on i.item_id = h.item_id"
                        + " where i.created_at >= ? and i.created_at < ?" + rmFilter("i.rm", visibleRms, arguments) + " group by h.policy_id",
                (rows, i) -> new SupervisionFacts.PolicyHits(rows.getString(1), rows.getLong(2), rows.getLong(3)), arguments.toArray());
    }

    /** Items open at some time in the period: filed before its end and not closed before its start. */
    public List<SupervisionFacts.Item> items(ReportPeriod period, Set<String> visibleRms) {
        List<Object> arguments = new ArrayList<>(List.of(Jdbc.timestamp(period.end()), Jdbc.timestamp(period.start())));
        return jdbc.query("select item_id, rm, reasons, created_at, closed_at from review_item where " + openInPeriod("")
                        + rmFilter("rm", visibleRms, arguments),
                (rows, i) -> new SupervisionFacts.Item(rows.getString(1), rows.getString(2), reasons(rows.getString(3)),
                        Jdbc.instant(rows, 4), Jdbc.instant(rows, 5)), arguments.toArray());
    }

    public List<SupervisionFacts.Assignment> assignments(ReportPeriod period, Set<String> visibleRms) {
        List<Object> arguments = new ArrayList<>(List.of(Jdbc.timestamp(period.end()), Jdbc.timestamp(period.end()), Jdbc.timestamp(period.start())));
        return jdbc.query("select a.item_id, a.assignee, a.assigned_at from review_assignment a join review_item i on i.item_id = a.item_id"
                        + " where a.assigned_at < ? and " + openInPeriod("i.")
                        + rmFilter("i.rm", visibleRms, arguments),
                (rows, i) -> new SupervisionFacts.Assignment(rows.getString(1), rows.getString(2), Jdbc.instant(rows, 3)), arguments.toArray());
    }

    public List<SupervisionFacts.Decision> decisions(ReportPeriod period, Set<String> visibleRms) {
        List<Object> arguments = new ArrayList<>(List.of(Jdbc.timestamp(period.start()), Jdbc.timestamp(period.end())));
        return jdbc.query("select d.item_id, d.decided_by, d.decided_at from review_decision d join review_item i on i.item_id = d.item_id"
                        + " where d.decided_at >= ? and d.decided_at < ?" + rmFilter("i.rm", visibleRms, arguments),
                (rows, i) -> new SupervisionFacts.Decision(rows.getString(1), rows.getString(2), Jdbc.instant(rows, 3)), arguments.toArray());
    }

    /** Filed before the period's end (first argument) and not closed before its start (second). */
    private static String openInPeriod(String alias) {
        return alias + "created_at < ? and (" + alias + "closed_at is null or " + alias + "closed_at >= ?)";
    }

    private static String rmFilter(String column, Set<String> visibleRms, List<Object> arguments) {
        if (visibleRms == null) {
            return "";
        }
        if (visibleRms.isEmpty()) {
            return " and 1 = 0";
        }
        arguments.addAll(visibleRms);
        return " and " + column + " in (" + String.join(",", Collections.nCopies(visibleRms.size(), "?")) + ")";
    }

    private static boolean visible(String rm, Set<String> visibleRms) {
        return visibleRms == null || rm != null && visibleRms.contains(rm);
    }

    private static List<String> reasons(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? List.of() : Arrays.asList(spaceSeparated.split(" "));
    }
}
