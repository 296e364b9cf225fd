package org.imarchive.retention.policy;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imarchive.retention.policy.RetentionPolicySetTest.AUDIT;
import static org.imarchive.retention.policy.RetentionPolicySetTest.FINRA;
import static org.imarchive.retention.policy.RetentionPolicySetTest.MIFID;
import static org.imarchive.retention.policy.RetentionPolicySetTest.MIFID_7;
import static org.imarchive.retention.policy.RetentionPolicySetTest.SEC;
import static org.imarchive.retention.policy.RetentionPolicySetTest.policy;
import static org.imarchive.retention.policy.RetentionPolicySetTest.rule;

class PolicyChangeTest {

    final RetentionPolicySet v1 = policy(1, SEC, FINRA, MIFID, AUDIT);
    final RetentionAssignment euMessage = v1.assign(Subjects.message("2020-03-15T10:00:00Z", "EU"));

    @Test
    void aLongerRuleInANewVersionExtendsArchivedRecords() {
        RetentionPolicySet v2 = policy(2, SEC, FINRA, MIFID_7, AUDIT);
        Reevaluation reevaluation = RetentionPolicySet.reevaluate(euMessage, v2);
        assertThat(reevaluation.outcome()).isEqualTo(Reevaluation.Outcome.EXTENDED);
        assertThat(reevaluation.assignment().expiresOn()).isEqualTo(LocalDate.parse("2027-03-16"));
        assertThat(reevaluation.assignment().retentionClass()).isEqualTo("mifid-7y");
        assertThat(reevaluation.assignment().policyVersion()).isEqualTo(2);
    }

    @Test
    void aShorterRuleNeverShortensAnArchivedRecordButGovernsNewOnes() {
        RetentionRule finraThree = rule("finra-6y", RuleCriteria.recordTypes(RecordType.MESSAGE, RecordType.ATTACHMENT), 3, "shortened");
        RetentionPolicySet v2 = policy(2, SEC, finraThree, AUDIT);

        Reevaluation reevaluation = RetentionPolicySet.reevaluate(euMessage, v2);
        assertThat(reevaluation.outcome()).isEqualTo(Reevaluation.Outcome.KEPT_LONGER);
        assertThat(reevaluation.assignment()).isSameAs(euMessage);
        assertThat(reevaluation.assignment().expiresOn()).isEqualTo(LocalDate.parse("2026-03-16"));
        assertThat(reevaluation.proposed().expiresOn()).isEqualTo(LocalDate.parse("2023-03-16"));

        assertThat(v2.assign(Subjects.message("2030-01-01T00:00:00Z", "EU")).expiresOn())
                .as("new records follow the new version").isEqualTo(LocalDate.parse("2033-01-02"));
    }

    @Test
    void theSamePolicyLeavesARecordUnchanged() {
        assertThat(RetentionPolicySet.reevaluate(euMessage, policy(2, SEC, FINRA, MIFID, AUDIT)).outcome())
                .isEqualTo(Reevaluation.Outcome.UNCHANGED);
    }

    @Test
    void theChangeReportsWhichClassesItMayShorten() {
        RetentionRule finraThree = rule("finra-6y", RuleCriteria.recordTypes(RecordType.MESSAGE, RecordType.ATTACHMENT), 3, "shortened");
        RetentionRule mifidNarrower = rule("mifid-5y", new RuleCriteria(java.util.Set.of(RecordType.MESSAGE), java.util.Set.of(),
                java.util.Set.of(), java.util.Set.of("wealth"), java.util.Set.of("EU")), 5, "narrower");
        PolicyChange change = PolicyChange.between(v1, policy(2, finraThree, mifidNarrower, AUDIT));
        assertThat(change.classesThatMayShorten()).extracting(PolicyChange.ClassShortening::retentionClass, PolicyChange.ClassShortening::why)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sec-3y", PolicyChange.Shortening.RULE_REMOVED),
                        org.assertj.core.groups.Tuple.tuple("finra-6y", PolicyChange.Shortening.SHORTER_PERIOD),
                        org.assertj.core.groups.Tuple.tuple("mifid-5y", PolicyChange.Shortening.NARROWER_SCOPE));
        assertThat(PolicyChange.between(v1, policy(2, SEC, FINRA, MIFID_7, AUDIT, MIFID)).classesThatMayShorten()).isEmpty();
    }

    @Test
    void theTallyCountsTheRecordsEachClassWouldHaveLost() {
        RetentionRule finraThree = rule("finra-6y", RuleCriteria.recordTypes(RecordType.MESSAGE, RecordType.ATTACHMENT), 3, "shortened");
        RetentionPolicySet v2 = policy(2, SEC, finraThree, MIFID_7, AUDIT);
        ReevaluationTally tally = new ReevaluationTally();
        for (RetentionAssignment existing : new RetentionAssignment[]{
                euMessage, v1.assign(Subjects.message("2021-01-01T00:00:00Z", "US")), v1.assign(Subjects.message("2021-01-02T00:00:00Z", "US")),
                v1.assign(RetentionSubject.ofReviewEvidence(java.time.Instant.parse("2021-01-01T00:00:00Z")))}) {
            tally.add(existing, RetentionPolicySet.reevaluate(existing, v2));
        }
        assertThat(tally.extendedClasses()).isEqualTo(Map.of("finra-6y", 1L));
        assertThat(tally.shortenedClasses()).isEqualTo(Map.of("finra-6y", 2L));
        assertThat(tally.unchanged()).isEqualTo(1);
    }

    @Test
    void contentChangedUnderTheSameVersionIsRefused() {
        RetentionPolicySet edited = new RetentionPolicySet("test", 1, "sha256:other", "retention.yml", v1.rules());
        assertThatThrownBy(() -> PolicyChange.between(v1, edited)).hasMessageContaining("kept version 1");
    }

    @Test
    void anOlderVersionIsRefused() {
        assertThatThrownBy(() -> PolicyChange.between(policy(5, SEC, FINRA, AUDIT), v1)).hasMessageContaining("older");
    }
}
