package org.imarchive.retention.policy;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicySetTest {

    static final RetentionRule SEC = rule("sec-3y", RuleCriteria.recordTypes(RecordType.MESSAGE, RecordType.ATTACHMENT), 3, "SEC 17a-4(b)(4)");
    static final RetentionRule FINRA = rule("finra-6y", RuleCriteria.recordTypes(RecordType.MESSAGE, RecordType.ATTACHMENT), 6, "FINRA 4511");
    static final RetentionRule MIFID = rule("mifid-5y", new RuleCriteria(Set.of(RecordType.MESSAGE), Set.of(), Set.of(), Set.of(), Set.of("EU")), 5, "MiFID II 16(7)");
    static final RetentionRule MIFID_7 = rule("mifid-7y", new RuleCriteria(Set.of(RecordType.MESSAGE), Set.of(), Set.of(), Set.of(), Set.of("EU")), 7, "MiFID II 16(7) on request");
    static final RetentionRule AUDIT = rule("audit-7y", RuleCriteria.recordTypes(RecordType.AUDIT_ENTRY, RecordType.REVIEW_EVIDENCE), 7, "17a-4(f)");

    static RetentionRule rule(String id, RuleCriteria criteria, int years, String basis) {
        return new RetentionRule(id, null, criteria, RetentionPeriod.ofYears(years), basis);
    }

    static RetentionPolicySet policy(int version, RetentionRule... rules) {
        return new RetentionPolicySet("test", version, "sha256:v" + version + "-" + List.of(rules).hashCode(), "test.yml", List.of(rules));
    }

    final RetentionPolicySet policy = policy(1, SEC, FINRA, MIFID, AUDIT);

    @Test
    void longestMatchingRuleWinsAndEveryMatchIsRecorded() {
        RetentionAssignment us = policy.assign(Subjects.message("2020-03-15T10:00:00Z", "US"));
        assertThat(us.retentionClass()).isEqualTo("finra-6y");
        assertThat(us.legalBasis()).isEqualTo("FINRA 4511");
        assertThat(us.matchedRules()).containsExactly("sec-3y", "finra-6y");

        RetentionAssignment eu = policy(1, SEC, FINRA, MIFID_7, AUDIT).assign(Subjects.message("2020-03-15T10:00:00Z", "EU"));
        assertThat(eu.retentionClass()).isEqualTo("mifid-7y");
        assertThat(eu.matchedRules()).containsExactly("sec-3y", "finra-6y", "mifid-7y");
        assertThat(eu.expiresOn()).isEqualTo(LocalDate.parse("2027-03-16"));
    }

    @Test
    void expiryIsTheDayAfterTheLastRetainedDayInUtc() {
        RetentionAssignment late = policy.assign(Subjects.message("2020-03-15T23:59:59.999Z"));
        assertThat(late.expiresOn()).isEqualTo(LocalDate.parse("2026-03-16"));
        assertThat(late.isExpiredAt(Instant.parse("2026-03-15T23:59:59.999Z"))).as("the last retained day").isFalse();
        assertThat(late.isExpiredAt(Instant.parse("2026-03-16T00:00:00Z"))).as("the expiry day").isTrue();
        assertThat(late.isExpiredAt(Instant.parse("2026-03-17T00:00:00Z"))).as("the day after").isTrue();

        RetentionAssignment early = policy.assign(Subjects.message("2020-03-15T00:00:00Z"));
        assertThat(early.expiresOn()).as("the record's day counts whole, whatever its time").isEqualTo(LocalDate.parse("2026-03-16"));
    }

    @Test
    void theRecordDateIsTakenInUtcNotTheSendersZone() {
        // 23:30 in New York on 15 March is 04:30 UTC on 16 March
        RetentionAssignment assignment = policy.assign(Subjects.message(
                java.time.OffsetDateTime.parse("2020-03-15T23:30:00-04:00").toInstant().toString()));
        assertThat(assignment.expiresOn()).isEqualTo(LocalDate.parse("2026-03-17"));
    }

    @Test
    void aLeapDayRecordIsKeptThroughTheLastDayOfFebruary() {
        RetentionPolicySet oneYear = policy(1, rule("one-year", RuleCriteria.any(), 1, "test"));
        RetentionAssignment leap = oneYear.assign(Subjects.message("2024-02-29T12:00:00Z"));
        assertThat(leap.expiresOn()).isEqualTo(LocalDate.parse("2025-03-01"));
        assertThat(leap.isExpiredAt(Instant.parse("2025-02-28T23:59:59Z"))).isFalse();
        assertThat(leap.isExpiredAt(Instant.parse("2025-03-01T00:00:00Z"))).isTrue();

        RetentionPolicySet fourYears = policy(1, rule("four-years", RuleCriteria.any(), 4, "test"));
        assertThat(fourYears.assign(Subjects.message("2024-02-29T12:00:00Z")).expiresOn())
                .as("the next leap day exists, so it is the last retained day").isEqualTo(LocalDate.parse("2028-03-01"));
    }

    @Test
    void monthsClampToTheMonthsEndThenDaysAreAdded() {
        RetentionPolicySet oneMonth = policy(1, new RetentionRule("one-month", null, RuleCriteria.any(), new RetentionPeriod(0, 1, 0), "test"));
        assertThat(oneMonth.assign(Subjects.message("2023-01-31T08:00:00Z")).expiresOn()).isEqualTo(LocalDate.parse("2023-03-01"));
        assertThat(oneMonth.assign(Subjects.message("2024-01-31T08:00:00Z")).expiresOn()).isEqualTo(LocalDate.parse("2024-03-01"));
        assertThat(oneMonth.assign(Subjects.message("2023-03-31T08:00:00Z")).expiresOn()).isEqualTo(LocalDate.parse("2023-05-01"));

        RetentionPolicySet mixed = policy(1, new RetentionRule("mixed", null, RuleCriteria.any(), new RetentionPeriod(1, 1, 1), "test"));
        // 2023-01-31 + 13 months = 2024-02-29 (clamped), + 1 day = 2024-03-01 (last retained), expiry the day after
        assertThat(mixed.assign(Subjects.message("2023-01-31T08:00:00Z")).expiresOn()).isEqualTo(LocalDate.parse("2024-03-02"));
    }

    @Test
    void onATieTheFirstRuleInThePolicyWins() {
        RetentionRule otherSix = rule("other-6y", RuleCriteria.recordTypes(RecordType.MESSAGE), 6, "other");
        assertThat(policy(1, FINRA, otherSix, AUDIT).assign(Subjects.message("2020-01-01T00:00:00Z")).retentionClass()).isEqualTo("finra-6y");
        assertThat(policy(1, otherSix, FINRA, AUDIT).assign(Subjects.message("2020-01-01T00:00:00Z")).retentionClass()).isEqualTo("other-6y");
    }

    @Test
    void aRuleRestrictingADimensionMissesRecordsWithoutThatFactAndIgnoresCase() {
        RetentionPolicySet longEu = policy(1, SEC, FINRA, MIFID_7, AUDIT);
        assertThat(longEu.assign(Subjects.message("2020-01-01T00:00:00Z", null)).retentionClass()).isEqualTo("finra-6y");
        assertThat(longEu.assign(Subjects.message("2020-01-01T00:00:00Z", " eu ")).retentionClass()).isEqualTo("mifid-7y");
    }

    @Test
    void everyRecordTypeNeedsADefaultRule() {
        assertThatThrownBy(() -> policy(1, SEC, FINRA, MIFID))
                .hasMessageContaining("no default rule").hasMessageContaining("audit-entry").hasMessageContaining("review-evidence");
        assertThatThrownBy(() -> policy(1, MIFID, AUDIT, rule("attachments", RuleCriteria.recordTypes(RecordType.ATTACHMENT), 6, "x")))
                .as("a jurisdiction rule is no default for messages").hasMessageContaining("[message]");
    }

    @Test
    void attachmentsAuditEntriesAndReviewEvidenceFollowTheirOwnRules() {
        RetentionAssignment attachment = policy.assign(Subjects.of(RecordType.ATTACHMENT, "2020-01-01T00:00:00Z", null, "EU"));
        assertThat(attachment.retentionClass()).isEqualTo("finra-6y");
        assertThat(attachment.matchedRules()).doesNotContain("mifid-5y");
        assertThat(policy.assign(RetentionSubject.ofReviewEvidence(Instant.parse("2020-01-01T00:00:00Z"))).retentionClass()).isEqualTo("audit-7y");
    }
}
