package org.imarchive.retention.policy;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the shipped {@code config/retention.yml} promises a US broker-dealer with EU clients. */
class ShippedRetentionPolicyTest {

    final RetentionPolicySet policy = RetentionPolicyLoader.load(Path.of("../config/retention.yml"));
    static final String SENT = "2025-06-30T15:00:00Z";

    @Test
    void businessCommunicationsAreKeptSixYearsUnderFinraWithTheSecDutyListed() {
        RetentionAssignment us = policy.assign(Subjects.of(RecordType.MESSAGE, SENT, "wealth", "US"));
        assertThat(us.retentionClass()).isEqualTo("finra-4511-6y");
        assertThat(us.matchedRules()).containsExactly("sec-17a-4-b4-3y", "finra-4511-6y");
        assertThat(us.expiresOn()).isEqualTo(LocalDate.parse("2031-07-01"));
    }

    @Test
    void euClientsNameMifidAndGetSevenYearsWhereTheirRegulatorAsks() {
        RetentionAssignment eu = policy.assign(Subjects.of(RecordType.MESSAGE, SENT, "wealth", "EU"));
        assertThat(eu.matchedRules()).contains("mifid-ii-16-7-5y");
        assertThat(eu.retentionClass()).as("FINRA's six years outlast MiFID's five").isEqualTo("finra-4511-6y");

        RetentionAssignment extended = policy.assign(Subjects.of(RecordType.ATTACHMENT, SENT, "eu-extended-retention", "EEA"));
        assertThat(extended.retentionClass()).isEqualTo("mifid-ii-16-7-7y-on-request");
        assertThat(extended.expiresOn()).isEqualTo(LocalDate.parse("2032-07-01"));
    }

    @Test
    void auditEntriesAndReviewEvidenceOutliveEveryCommunicationRule() {
        LocalDate longestMessage = policy.rules().stream()
                .filter(rule -> rule.criteria().recordTypes().contains(RecordType.MESSAGE))
                .map(rule -> rule.period().lastRetainedDay(LocalDate.parse("2024-02-29")))
                .max(LocalDate::compareTo).orElseThrow();
        Instant leapDay = Instant.parse("2024-02-29T12:00:00Z");
        assertThat(policy.assign(new RetentionSubject(RecordType.AUDIT_ENTRY, null, null, null, null, leapDay)).expiresOn())
                .isAfter(longestMessage);
        assertThat(policy.assign(RetentionSubject.ofReviewEvidence(leapDay)).expiresOn()).isAfter(longestMessage);
    }
}
