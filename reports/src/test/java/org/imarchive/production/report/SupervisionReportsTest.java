package org.imarchive.production.report;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imarchive.production.report.KnownPeriod.NOVEMBER;
import static org.imarchive.production.report.KnownPeriod.at;

class SupervisionReportsTest {

    @Test
    void periodRunsFromTheFirstToTheLastDayInTheFirmsZone() {
        assertThat(NOVEMBER.start()).isEqualTo(at("2026-11-01T04:00:00Z"));
        assertThat(NOVEMBER.end()).isEqualTo(at("2026-12-01T05:00:00Z"));
        assertThat(NOVEMBER.contains(at("2026-12-01T04:59:59.999Z"))).isTrue();
        assertThat(NOVEMBER.contains(at("2026-12-01T05:00:00Z"))).isFalse();
        assertThatThrownBy(() -> new ReportPeriod(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 1), KnownPeriod.NEW_YORK))
                .hasMessageContaining("ends (2026-11-01) before it starts (2026-11-02)");
    }

    @Test
    void capturesPerAccountAndRm() {
        SupervisionReport report = KnownPeriod.supervision();

        assertThat(report.accounts()).containsExactly(
                new SupervisionReport.AccountCapture("telegram", "biz-1", "rm-bob", true, 1, 0),
                new SupervisionReport.AccountCapture("whatsapp", "+15550001111", "rm-anna", true, 3, 2),
                new SupervisionReport.AccountCapture("whatsapp", "+15559999999", SupervisionReport.NO_RM, false, 4, 0));
        assertThat(report.rms()).containsExactly(
                new SupervisionReport.RmCapture(SupervisionReport.NO_RM, 1, 4),
                new SupervisionReport.RmCapture("rm-anna", 1, 5),
                new SupervisionReport.RmCapture("rm-bob", 1, 1));
        assertThat(report.messages()).isEqualTo(10);
    }

    @Test
    void approvedAccountsWithoutAMessageAreQuiet() {
        assertThat(KnownPeriod.supervision().quietAccounts()).containsExactly(
                new SupervisionReport.QuietAccount("telegram", "biz-2", "rm-carl", null),
                new SupervisionReport.QuietAccount("whatsapp", "+15550002222", "rm-anna", at("2026-10-15T12:00:00Z")));
    }

    @Test
    void hitsPerPolicyInPolicyOrder() {
        SupervisionReport report = KnownPeriod.supervision();

        assertThat(report.policies()).extracting(SupervisionFacts.PolicyHits::policyId).containsExactly("gifts", "securities-fraud");
        assertThat(report.hits()).isEqualTo(6);
    }

    @Test
    void reviewWorkPerReviewerAsOfThePeriodsEnd() {
        SupervisionReport report = KnownPeriod.supervision();

        assertThat(report.reviewers()).containsExactly(
                // i2 sampled and theirs; i2 and i5 (reassigned only after the end) open and overdue
                new SupervisionReport.ReviewerWork("rex", 0, 1, 0, 2, 2),
                // i1 filed and closed by rita; i4 (filed in October) and i1 decided; the decision on i3 came after the end
                new SupervisionReport.ReviewerWork("rita", 1, 0, 2, 0, 0),
                // i3 and i6 (the 30th in New York) flagged, i3 sampled; both open, neither three days old at the end
                new SupervisionReport.ReviewerWork(SupervisionReport.UNASSIGNED, 2, 1, 0, 2, 0));
        assertThat(report.reviewerTotals()).isEqualTo(new SupervisionReport.ReviewerWork("total", 3, 2, 2, 4, 2));
    }

    @Test
    void holdsPlacedActiveAndReleasedInThePeriod() {
        RetentionReport report = KnownPeriod.retention();

        assertThat(report.placed()).extracting(hold -> hold.matter()).containsExactly(KnownPeriod.MATTER, "Ongoing");
        assertThat(report.activeAtEnd()).extracting(hold -> hold.id()).containsExactly("h1", "h5");
        // h3 was released at 23:00 on the 30th in New York
        assertThat(report.released()).extracting(hold -> hold.matter()).containsExactly(KnownPeriod.MATTER, "FINRA 7");
    }
}
