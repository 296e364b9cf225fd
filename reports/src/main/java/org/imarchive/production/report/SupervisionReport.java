package org.imarchive.production.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The supervision report of a period: what was captured per account and per RM, the approved accounts that went
 * quiet, lexicon hits per policy, and each reviewer's work. Figures are as of the period's end.
 *
 * @param scope      whose messages it covers ("all relationship managers", or a supervisor's groups)
 * @param reviewSla  the review SLA in force, against which items open at the period's end are overdue
 */
public record SupervisionReport(ReportPeriod period, Instant generatedAt, String generatedBy, String scope, Duration reviewSla,
                                List<AccountCapture> accounts, List<RmCapture> rms, List<QuietAccount> quietAccounts,
                                List<SupervisionFacts.PolicyHits> policies, List<ReviewerWork> reviewers) {

    /** Items nobody was given by the period's end. */
    public static final String UNASSIGNED = "(unassigned)";
    /** Accounts without an owner in the register. */
    public static final String NO_RM = "(no RM)";

    public SupervisionReport {
        accounts = List.copyOf(accounts);
        rms = List.copyOf(rms);
        quietAccounts = List.copyOf(quietAccounts);
        policies = List.copyOf(policies);
        reviewers = List.copyOf(reviewers);
    }

    /** @param approved false for an account the register does not approve: its messages were quarantined */
    public record AccountCapture(String platform, String account, String rm, boolean approved, long inbound, long outbound) {
        public long total() {
            return inbound + outbound;
        }
    }

    public record RmCapture(String rm, long accounts, long messages) {
    }

    /** @param lastMessageAt null when the account never had a message */
    public record QuietAccount(String platform, String account, String rm, Instant lastMessageAt) {
    }

    /**
     * One reviewer's share: items filed in the period (flagged by a lexicon or a scan problem, or sampled) that were
     * theirs at its end, items they decided in it, and items theirs and still not closed at its end, and of those the
     * overdue ones.
     */
    public record ReviewerWork(String reviewer, long flagged, long sampled, long reviewed, long open, long overdue) {
    }

    public long messages() {
        return accounts.stream().mapToLong(AccountCapture::total).sum();
    }

    public long hits() {
        return policies.stream().mapToLong(SupervisionFacts.PolicyHits::hits).sum();
    }

    public ReviewerWork reviewerTotals() {
        return new ReviewerWork("total", reviewers.stream().mapToLong(ReviewerWork::flagged).sum(),
                reviewers.stream().mapToLong(ReviewerWork::sampled).sum(), reviewers.stream().mapToLong(ReviewerWork::reviewed).sum(),
                reviewers.stream().mapToLong(ReviewerWork::open).sum(), reviewers.stream().mapToLong(ReviewerWork::overdue).sum());
    }
}
