package org.imarchive.retention.policy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionPolicyLoaderTest {

    static final String GOOD = """
            name: test
            version: 3
            rules:
              - id: finra-6y
                applies-to: { record-types: [message, attachment] }
                keep: { years: 6 }
                legal-basis: FINRA 4511
              - id: mifid-7y
                applies-to:
                  record-types: message
                  jurisdictions: [EU]
                  business-lines: [wealth]
                keep: { years: 7 }
                legal-basis: MiFID II Art. 16(7)
              - id: evidence-7y
                applies-to: { record-types: [audit-entry, review-evidence] }
                keep: { years: 7, months: 0, days: 0 }
                legal-basis: 17a-4(f)
            """;

    @Test
    void readsRulesInOrderWithTheirScopeAndPeriod() {
        RetentionPolicySet policy = RetentionPolicyLoader.parse("retention.yml", GOOD);
        assertThat(policy.version()).isEqualTo(3);
        assertThat(policy.rules()).extracting(RetentionRule::id).containsExactly("finra-6y", "mifid-7y", "evidence-7y");
        assertThat(policy.rules().get(1).criteria().jurisdictions()).containsExactly("EU");
        assertThat(policy.rules().get(1).period()).isEqualTo(RetentionPeriod.ofYears(7));
        assertThat(policy.assign(Subjects.of(RecordType.MESSAGE, "2020-01-01T00:00:00Z", "wealth", "EU")).retentionClass()).isEqualTo("mifid-7y");
    }

    @Test
    void theContentHashIgnoresLayoutCommentsAndVersionButNotAPeriod() {
        String hash = RetentionPolicyLoader.parse("a.yml", GOOD).contentHash();
        String relaidOut = "# a comment\n" + GOOD.replace("version: 3", "version: 4").replace("{ years: 6 }", "\n      years: 6");
        assertThat(RetentionPolicyLoader.parse("b.yml", relaidOut).contentHash()).isEqualTo(hash);
        assertThat(RetentionPolicyLoader.parse("c.yml", GOOD.replace("years: 6", "years: 5")).contentHash()).isNotEqualTo(hash);
        assertThat(hash).startsWith("sha256:").hasSize(71);
    }

    @Test
    void anUnknownRecordTypeIsRefusedWithItsLine() {
        assertRefused(GOOD.replace("[message, attachment]", "[message, attachement]"), 5, "unknown record type 'attachement'");
    }

    @Test
    void aMisspeltFieldIsRefusedRatherThanIgnored() {
        assertRefused(GOOD.replace("jurisdictions: [EU]", "jurisdiction: [EU]"), 11, "unknown field 'jurisdiction'");
    }

    @Test
    void aRuleWithoutLegalBasisIsRefused() {
        assertRefused(GOOD.replace("    legal-basis: FINRA 4511\n", ""), 4, "missing field 'legal-basis'");
    }

    @Test
    void aZeroOrNegativeOrNonNumericPeriodIsRefused() {
        assertRefused(GOOD.replace("{ years: 6 }", "{ years: 0 }"), 6, "keeps nothing");
        assertRefused(GOOD.replace("{ years: 6 }", "{ years: -6 }"), 6, "between 0 and 100");
        assertRefused(GOOD.replace("{ years: 6 }", "{ years: six }"), 6, "whole number");
    }

    @Test
    void aDuplicateRuleIdIsRefused() {
        assertRefused(GOOD.replace("id: mifid-7y", "id: finra-6y"), 8, "used twice");
    }

    @Test
    void aPolicyWithoutADefaultForEveryRecordTypeIsRefused() {
        assertRefused(GOOD.replace("[audit-entry, review-evidence]", "[audit-entry]"), 4, "review-evidence");
    }

    @Test
    void brokenYamlIsRefusedWithItsLine() {
        assertRefused(GOOD.replace("keep: { years: 7 }", "keep: { years: 7"), 14, "not valid YAML");
        // the unclosed mapping on line 13 is noticed at the next key, on line 14
    }

    @Test
    void theShippedDefaultLoads() {
        RetentionPolicySet policy = RetentionPolicyLoader.load(java.nio.file.Path.of("../config/retention.yml"));
        assertThat(policy.source()).isEqualTo("retention.yml");
        assertThat(policy.rules()).isNotEmpty();
    }

    private static void assertRefused(String yaml, int line, String reason) {
        assertThatThrownBy(() -> RetentionPolicyLoader.parse("retention.yml", yaml))
                .isInstanceOfSatisfying(RetentionPolicyException.class, e -> {
                    assertThat(e.source()).isEqualTo("retention.yml");
                    assertThat(e.reason()).contains(reason);
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                });
    }
}
