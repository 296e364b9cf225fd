package org.imarchive.production.report;

import org.imarchive.supervision.queue.ReviewAge;
import org.imarchive.supervision.queue.ReviewState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Builds the supervision report from the facts of a period; pure, so its arithmetic is tested without a gateway. */
public final class SupervisionReports {

    private SupervisionReports() {
    }

    /**
     * @param captured    messages sent in the period, per account and direction
     * @param approved    accounts approved before the period's end and not revoked
     * @param items       review items open at some time in the period
     * @param assignments assignments of those items made before the period's end
     * @param decisions   decisions on those items made in the period
     */
    public static SupervisionReport build(ReportPeriod period, Instant generatedAt, String generatedBy, String scope, Duration reviewSla,
                                          Collection<SupervisionFacts.Captured> captured, Collection<SupervisionFacts.ApprovedAccount> approved,
                                          Collection<SupervisionFacts.PolicyHits> policyHits, Collection<SupervisionFacts.Item> items,
                                          Collection<SupervisionFacts.Assignment> assignments, Collection<SupervisionFacts.Decision> decisions) {
        List<SupervisionReport.AccountCapture> accounts = accounts(captured);
        return new SupervisionReport(period, generatedAt, generatedBy, scope, reviewSla, accounts, rms(accounts),
                quiet(accounts, approved), policyHits.stream().sorted(Comparator.comparing(SupervisionFacts.PolicyHits::policyId)).toList(),
                reviewers(period, reviewSla, items, assignments, decisions));
    }

    private static List<SupervisionReport.AccountCapture> accounts(Collection<SupervisionFacts.Captured> captured) {
        Map<String, SupervisionReport.AccountCapture> byAccount = new TreeMap<>();
        for (SupervisionFacts.Captured count : captured) {
            boolean outbound = "outbound".equals(count.direction());
            byAccount.merge(key(count.platform(), count.account()),
                    new SupervisionReport.AccountCapture(count.platform(), count.account(), rmName(count.rm()), count.approved(),
                            outbound ? 0 : count.messages(), outbound ? count.messages() : 0),
                    (a, b) -> new SupervisionReport.AccountCapture(a.platform(), a.account(), a.rm(), a.approved(),
                            a.inbound() + b.inbound(), a.outbound() + b.outbound()));
        }
        return List.copyOf(byAccount.values());
    }

    private static List<SupervisionReport.RmCapture> rms(List<SupervisionReport.AccountCapture> accounts) {
        Map<String, long[]> byRm = new TreeMap<>();
        for (SupervisionReport.AccountCapture account : accounts) {
            long[] totals = byRm.computeIfAbsent(account.rm(), rm -> new long[2]);
            totals[0]++;
            totals[1] += account.total();
        }
        List<SupervisionReport.RmCapture> rms = new ArrayList<>();
        byRm.forEach((rm, totals) -> rms.add(new SupervisionReport.RmCapture(rm, totals[0], totals[1])));
        return rms;
    }

    private static List<SupervisionReport.QuietAccount> quiet(List<SupervisionReport.AccountCapture> accounts,
                                                              Collection<SupervisionFacts.ApprovedAccount> approved) {
        Set<String> active = new HashSet<>();
        accounts.stream().filter(account -> account.total() > 0).forEach(account -> active.add(key(account.platform(), account.account())));
        return approved.stream().filter(account -> !active.contains(key(account.platform(), account.account())))
                .map(account -> new SupervisionReport.QuietAccount(account.platform(), account.account(), rmName(account.rm()), account.lastMessageAt()))
                .sorted(Comparator.comparing(SupervisionReport.QuietAccount::platform).thenComparing(SupervisionReport.QuietAccount::account))
                .toList();
    }

    /**
     * Whose an item is at the period's end: who closed it, if it closed in the period; otherwise its last assignee
     * before the end; otherwise nobody's.
     */
    private static List<SupervisionReport.ReviewerWork> reviewers(ReportPeriod period, Duration sla, Collection<SupervisionFacts.Item> items,
                                                                  Collection<SupervisionFacts.Assignment> assignments,
                                                                  Collection<SupervisionFacts.Decision> decisions) {
        Instant end = period.end();
        Map<String, SupervisionFacts.Assignment> lastAssignment = new HashMap<>();
        for (SupervisionFacts.Assignment assignment : assignments) {
            if (assignment.assignedAt().isBefore(end)) {
                lastAssignment.merge(assignment.itemId(), assignment, (a, b) -> b.assignedAt().isAfter(a.assignedAt()) ? b : a);
            }
        }
        Map<String, SupervisionFacts.Decision> lastDecision = new HashMap<>();
        Map<String, Set<String>> decided = new HashMap<>();
        Set<String> itemIds = new HashSet<>();
        items.stream().filter(item -> item.createdAt().isBefore(end)).forEach(item -> itemIds.add(item.itemId()));
        for (SupervisionFacts.Decision decision : decisions) {
            if (period.contains(decision.decidedAt()) && itemIds.contains(decision.itemId())) {
                decided.computeIfAbsent(decision.decidedBy(), r -> new HashSet<>()).add(decision.itemId());
                lastDecision.merge(decision.itemId(), decision, (a, b) -> b.decidedAt().isAfter(a.decidedAt()) ? b : a);
            }
        }
        Map<String, long[]> work = new TreeMap<>(Comparator.comparing((String reviewer) -> reviewer.equals(SupervisionReport.UNASSIGNED))
                .thenComparing(Comparator.naturalOrder()));
        for (SupervisionFacts.Item item : items) {
            if (!item.createdAt().isBefore(end)) {
                continue;
            }
            boolean openAtEnd = item.closedAt() == null || !item.closedAt().isBefore(end);
            SupervisionFacts.Decision closing = openAtEnd ? null : lastDecision.get(item.itemId());
            SupervisionFacts.Assignment assigned = lastAssignment.get(item.itemId());
            String reviewer = closing != null ? closing.decidedBy() : assigned != null ? assigned.assignee() : SupervisionReport.UNASSIGNED;
            long[] counts = work.computeIfAbsent(reviewer, r -> new long[5]);
            if (period.contains(item.createdAt())) {
                counts[0] += item.flagged() ? 1 : 0;
                counts[1] += item.sampled() ? 1 : 0;
            }
            if (openAtEnd) {
                counts[3]++;
                counts[4] += ReviewAge.overdue(ReviewState.OPEN, item.createdAt(), sla, end) ? 1 : 0;
            }
        }
        decided.forEach((reviewer, decidedItems) -> work.computeIfAbsent(reviewer, r -> new long[5])[2] = decidedItems.size());
        List<SupervisionReport.ReviewerWork> rows = new ArrayList<>();
        work.forEach((reviewer, c) -> {
            if (c[0] + c[1] + c[2] + c[3] > 0) {
                rows.add(new SupervisionReport.ReviewerWork(reviewer, c[0], c[1], c[2], c[3], c[4]));
            }
        });
        return rows;
    }

    private static String rmName(String rm) {
        return rm == null || rm.isBlank() ? SupervisionReport.NO_RM : rm;
    }

    private static String key(String platform, String account) {
        return platform + "\u0000" + account;
    }
}
