package org.imarchive.retention.disposition;

import org.imarchive.retention.RetainedRecord;
import org.imarchive.retention.TestClock;
import org.imarchive.retention.hold.HoldEvaluator;
import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.InMemoryHoldQueryMatcher;
import org.imarchive.retention.hold.LegalHold;
import org.imarchive.retention.policy.RetentionPolicySet;
import org.imarchive.retention.policy.RetentionPeriod;
import org.imarchive.retention.policy.RetentionRule;
import org.imarchive.retention.policy.RuleCriteria;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imarchive.retention.Archive.message;

class DispositionApprovalTest {

    final TestClock clock = new TestClock("2030-01-01T00:00:00Z");
    final DispositionPlanner planner = new DispositionPlanner(new HoldEvaluator(new InMemoryHoldQueryMatcher()), clock);
    final RetainedRecord a = message("a", "jsmith", "+447700900123", "2020-01-01T10:00:00Z");
    final RetainedRecord b = message("b", "mrossi", "+447700900999", "2020-01-02T10:00:00Z");
    final DispositionPlan plan = planner.plan(List.of(a, b), List.of(), "records.manager");

    @Test
    void fourEyesRefusesThePlannerAsApprover() {
        DispositionApproval approval = new DispositionApproval(true, clock);
        assertThatThrownBy(() -> approval.approve(plan, "records.manager")).isInstanceOf(ApprovalRefusedException.class)
                .hasMessageContaining("four eyes");
        assertThatThrownBy(() -> approval.approve(plan, " Records.Manager ")).as("not a second person by case").isInstanceOf(ApprovalRefusedException.class);
        assertThatThrownBy(() -> approval.approve(plan, "")).isInstanceOf(ApprovalRefusedException.class);

        ApprovedDisposition approved = approval.approve(plan, "chief.compliance.officer");
        assertThat(approved.approvedBy()).isEqualTo("chief.compliance.officer");
        assertThat(approved.approvedAt()).isEqualTo(clock.instant());
        assertThat(approved.planHash()).isEqualTo(plan.planHash());
    }

    @Test
    void withoutFourEyesThePlannerMayApprove() {
        assertThat(new DispositionApproval(false, clock).approve(plan, "records.manager").approvedBy()).isEqualTo("records.manager");
    }

    @Test
    void atExecutionRecordsHeldOrExtendedSinceApprovalAreWithdrawn() {
        ApprovedDisposition approved = new DispositionApproval(true, clock).approve(plan, "cco");
        clock.set("2030-01-02T00:00:00Z");
        LegalHold placedAfterApproval = LegalHold.place("New matter", "preservation letter", "counsel", clock.instant(),
                new HoldScope(Set.of("jsmith"), null, null, null, null, null));
        RetentionPolicySet longer = new RetentionPolicySet("test", 2, "sha256:v2", "test.yml", List.of(
                new RetentionRule("ten-years", null, RuleCriteria.any(), RetentionPeriod.ofYears(10), "firm policy")));
        RetainedRecord bExtended = new RetainedRecord("b", b.recordHash(),
                RetentionPolicySet.reevaluate(b.assignment(), longer).assignment(), b.facts());

        ConfirmedDisposition confirmed = planner.confirm(approved, List.of(a, bExtended), List.of(placedAfterApproval));
        assertThat(confirmed.toDispose()).isEmpty();
        assertThat(confirmed.withdrawn()).extracting(Withdrawal::recordId).containsExactly("a", "b");
        assertThat(confirmed.withdrawn().get(0).reason()).contains("held by " + placedAfterApproval.id());
        assertThat(confirmed.withdrawn().get(1).reason()).contains("2030-01-03").contains("ten-years");

        assertThat(planner.confirm(approved, List.of(a, b), List.of()).toDispose()).extracting(PlannedDisposal::recordId)
                .containsExactly("a", "b");
    }

    @Test
    void atExecutionAMissingOrChangedRecordIsWithdrawn() {
        ApprovedDisposition approved = new DispositionApproval(true, clock).approve(plan, "cco");
        RetainedRecord bChanged = new RetainedRecord("b", "0".repeat(64), b.assignment(), b.facts());
        ConfirmedDisposition confirmed = planner.confirm(approved, List.of(bChanged), List.of());
        assertThat(confirmed.withdrawn()).extracting(Withdrawal::reason)
                .containsExactly("not in the archive any more", "stored hash " + "0".repeat(64) + " is not the planned " + b.recordHash());
    }

    @Test
    void aPlanSwappedAfterApprovalIsRefused() {
        ApprovedDisposition approved = new DispositionApproval(true, clock).approve(plan, "cco");
        DispositionPlan other = planner.plan(List.of(a), List.of(), "records.manager");
        ApprovedDisposition swapped = new ApprovedDisposition(other, approved.planHash(), approved.approvedBy(), approved.approvedAt());
        assertThatThrownBy(() -> planner.confirm(swapped, List.of(a), List.of())).hasMessageContaining("differs from the plan that was approved");
    }

    @Test
    void certificatesChainAndTheChainVerifies() {
        List<DispositionCertificate> chain = certifiedChain();
        ChainVerification verification = CertificateChain.verify(chain);
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(verification.certificates()).isEqualTo(3);

        DispositionCertificate first = chain.get(0);
        assertThat(first.serial()).isEqualTo(1);
        assertThat(first.records()).extracting(DisposedRecord::recordId).containsExactly("a", "b");
        DisposedRecord disposed = first.records().get(0);
        assertThat(disposed.recordHash()).isEqualTo(a.recordHash());
        assertThat(disposed.expiresOn()).isEqualTo(a.assignment().expiresOn());
        assertThat(disposed.retentionClass()).isEqualTo("finra-6y");
        assertThat(disposed.planId()).isEqualTo(plan.id());
        assertThat(disposed.approvedBy()).isEqualTo("cco");
        assertThat(chain.get(1).previousHash()).isEqualTo(first.certificateHash());
    }

    @Test
    void theCanonicalJsonReadsBackAndATamperedCertificateIsDetected() {
        List<DispositionCertificate> chain = certifiedChain();
        byte[] json = chain.get(1).toJson();
        assertThat(DispositionCertificate.fromJson(json)).isEqualTo(chain.get(1));
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"approvedAt\":");

        String original = new String(json, java.nio.charset.StandardCharsets.UTF_8);
        String tampered = original.replace("\"approvedBy\":\"cco\"", "\"approvedBy\":\"someone.else\"");
        assertThat(tampered).isNotEqualTo(original);
        List<DispositionCertificate> withTampered = new ArrayList<>(chain);
        withTampered.set(1, DispositionCertificate.fromJson(tampered.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        ChainVerification verification = CertificateChain.verify(withTampered);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenSerial()).isEqualTo(2);
        assertThat(verification.problem()).contains("does not match its hash");
    }

    @Test
    void aRemovedOrReorderedCertificateIsDetected() {
        List<DispositionCertificate> chain = certifiedChain();
        ChainVerification removed = CertificateChain.verify(List.of(chain.get(0), chain.get(2)));
        assertThat(removed.intact()).isFalse();
        assertThat(removed.brokenSerial()).isEqualTo(3);

        DispositionCertificate resealed = new DispositionCertificate(2, chain.get(2).id(), chain.get(2).planId(), chain.get(2).planHash(),
                chain.get(2).plannedBy(), chain.get(2).approvedBy(), chain.get(2).approvedAt(), chain.get(2).issuedAt(),
                chain.get(2).records(), chain.get(0).certificateHash(), null).sealed();
        ChainVerification renumbered = CertificateChain.verify(List.of(chain.get(0), resealed, chain.get(2)));
        assertThat(renumbered.intact()).as("a forged certificate cannot be slipped in without rewriting every later one").isFalse();
        assertThat(renumbered.brokenSerial()).isEqualTo(3);
    }

    /** Three dispositions in a row, one certificate each, as the retention job issues them. */
    private List<DispositionCertificate> certifiedChain() {
        DispositionApproval approval = new DispositionApproval(true, clock);
        List<DispositionCertificate> chain = new ArrayList<>();
        DispositionCertificate previous = null;
        List<List<RetainedRecord>> batches = List.of(List.of(a, b),
                List.of(message("c", "jsmith", "+447700900123", "2021-01-01T10:00:00Z")),
                List.of(message("d", "jsmith", "+447700900123", "2022-01-01T10:00:00Z")));
        for (List<RetainedRecord> batch : batches) {
            DispositionPlan batchPlan = batch.contains(a) ? plan : planner.plan(batch, List.of(), "records.manager");
            ApprovedDisposition approved = approval.approve(batchPlan, "cco");
            previous = CertificateChain.issue(planner.confirm(approved, batch, List.of()), previous, clock);
            chain.add(previous);
            clock.set(Instant.parse(clock.instant().toString()).plusSeconds(86_400).toString());
        }
        return chain;
    }
}
