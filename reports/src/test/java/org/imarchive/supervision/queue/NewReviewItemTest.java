package org.imarchive.supervision.queue;

import org.imarchive.supervision.lexicon.Hit;
import org.imarchive.supervision.lexicon.ScanProblem;
import org.imarchive.supervision.policy.PolicyRef;
import org.imarchive.supervision.policy.RuleKind;
import org.imarchive.supervision.policy.Severity;
import org.imarchive.supervision.sampling.SampleDecision;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NewReviewItemTest {
    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    static final PolicyRef OFF_CHANNEL = new PolicyRef("off-channel", 1, "sha256:aa");
    static final PolicyRef SECRECY = new PolicyRef("secrecy-urgency", 2, "sha256:bb");

    @Test
    void reasonsNameEachPolicyOnceThenProblemsThenTheSample() {
        NewReviewItem item = item(List.of(hit(OFF_CHANNEL, Severity.HIGH, 90), hit(SECRECY, Severity.MEDIUM, 60), hit(OFF_CHANNEL, Severity.HIGH, 90)),
                List.of(new ScanProblem("account-numbers", "card-number", "body", "regex ran out of time")),
                new SampleDecision("m1", "sampling-2026-11", 0.01, 0.05, true, SampleDecision.Reason.RATE));
        assertThat(item.reasons()).containsExactly("lexicon:off-channel", "lexicon:secrecy-urgency", "scan-problem:account-numbers", "sample");
        assertThat(item.severity()).isEqualTo(Severity.HIGH);
        assertThat(item.riskScore()).isEqualTo(90);
        assertThat(NewReviewItem.severityRank(item.severity())).isEqualTo(3);
    }

    @Test
    void aVersionWithoutHitsProblemsOrSampleNeedsNoReview() {
        assertThat(item(List.of(), List.of(), null).needsReview()).isFalse();
        assertThat(item(List.of(), List.of(), null).severity()).isNull();
        assertThat(NewReviewItem.severityRank(null)).isZero();
    }

    @Test
    void aDecisionThatDidNotSelectTheMessageIsNoReason() {
        assertThatThrownBy(() -> item(List.of(), List.of(), new SampleDecision("m1", "s", 0.9, 0.05, false, SampleDecision.Reason.NOT_SELECTED)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static NewReviewItem item(List<Hit> hits, List<ScanProblem> problems, SampleDecision sample) {
        return new NewReviewItem("m1", "r1", 1, "rm-a", "wealth", NOW, hits, problems, sample);
    }

    private static Hit hit(PolicyRef policy, Severity severity, int risk) {
        return new Hit(policy, "rule", RuleKind.PHRASE, severity, risk, "body", 0, 4, "text");
    }
}
