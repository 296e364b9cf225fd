package org.imarchive.retention.erasure;

import org.imarchive.retention.RetainedRecord;
import org.imarchive.retention.TestClock;
import org.imarchive.retention.hold.HoldEvaluator;
import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.InMemoryHoldQueryMatcher;
import org.imarchive.retention.hold.LegalHold;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imarchive.retention.Archive.message;

class ErasureEvaluatorTest {

    final TestClock clock = new TestClock("2027-06-01T00:00:00Z");
    final ErasureEvaluator evaluator = new ErasureEvaluator(new HoldEvaluator(new InMemoryHoldQueryMatcher()));
    final DataSubject client = new DataSubject("DSAR-2027-041", Set.of("whatsapp:+44 7700 900123"));

    /** 2020: FINRA's 6 years ended on 2026-03-16. */
    final RetainedRecord expired = message("expired", "jsmith", "+447700900123", "2020-03-15T10:00:00Z");
    /** 2024: FINRA's 6 years run until 2030-05-01. */
    final RetainedRecord retained = message("retained", "jsmith", "+447700900123", "2024-05-01T10:00:00Z");
    /** 2019, RM mrossi: expired, but under the hold below. */
    final RetainedRecord held = message("held", "mrossi", "+447700900123", "2019-05-01T10:00:00Z");
    final LegalHold hold = LegalHold.place("Doe v. Bank", "litigation", "counsel", clock.instant(),
            new HoldScope(Set.of("mrossi"), null, null, null, null, null));

    @Test
    void onlyARecordWithNoRetentionLeftAndNoHoldIsErasable() {
        ErasureAnswer answer = evaluator.evaluate(client, List.of(expired, retained, held), List.of(hold), clock);
        assertThat(answer.requestReference()).isEqualTo("DSAR-2027-041");
        assertThat(answer.evaluatedAt()).isEqualTo(clock.instant());
        assertThat(answer.erasable()).containsExactly("expired");
        assertThat(answer.kept()).extracting(ErasureAnswer.KeptRecord::recordId).containsExactly("retained", "held");
    }

    @Test
    void aRetainedRecordIsKeptForALegalObligationCitingItsRule() {
        ErasureAnswer answer = evaluator.evaluate(client, List.of(retained), List.of(), clock);
        ErasureGround ground = answer.kept().get(0).grounds().get(0);
        assertThat(ground.exemption()).isEqualTo(ErasureGround.Exemption.LEGAL_OBLIGATION);
        assertThat(ground.exemption().article()).isEqualTo("GDPR Art. 17(3)(b)");
        assertThat(ground.basis()).isEqualTo("FINRA 4511");
        assertThat(ground.reference()).isEqualTo("finra-6y");
        assertThat(ground.until()).isEqualTo(LocalDate.parse("2030-05-01"));
    }

    @Test
    void aHeldRecordIsKeptForLegalClaimsCitingTheHold() {
        ErasureAnswer answer = evaluator.evaluate(client, List.of(held), List.of(hold), clock);
        ErasureGround ground = answer.kept().get(0).grounds().get(0);
        assertThat(ground.exemption()).isEqualTo(ErasureGround.Exemption.LEGAL_CLAIMS);
        assertThat(ground.exemption().article()).isEqualTo("GDPR Art. 17(3)(e)");
        assertThat(ground.reference()).isEqualTo(hold.id());
        assertThat(ground.basis()).contains("Doe v. Bank");
        assertThat(ground.until()).isNull();
    }

    @Test
    void aRecordBothRetainedAndHeldCitesBoth() {
        RetainedRecord retainedAndHeld = message("both", "mrossi", "+447700900123", "2024-05-01T10:00:00Z");
        ErasureAnswer answer = evaluator.evaluate(client, List.of(retainedAndHeld), List.of(hold), clock);
        assertThat(answer.kept().get(0).grounds()).extracting(ErasureGround::exemption)
                .containsExactly(ErasureGround.Exemption.LEGAL_OBLIGATION, ErasureGround.Exemption.LEGAL_CLAIMS);
    }

    @Test
    void afterTheHoldIsReleasedAndRetentionRunsOutTheRecordBecomesErasable() {
        LegalHold released = hold.release("counsel", clock.instant(), "settled");
        assertThat(evaluator.evaluate(client, List.of(held), List.of(released), clock).erasable()).containsExactly("held");
        assertThat(evaluator.evaluate(client, List.of(retained), List.of(), clock.set("2030-04-30T23:59:59Z")).erasable()).isEmpty();
        assertThat(evaluator.evaluate(client, List.of(retained), List.of(), clock.set("2030-05-02T00:00:00Z")).erasable()).containsExactly("retained");
    }

    @Test
    void aRecordThatDoesNotInvolveTheSubjectIsNeitherErasedNorKept() {
        RetainedRecord someoneElse = message("someone-else", "jsmith", "+447700900999", "2019-05-01T10:00:00Z");
        ErasureAnswer answer = evaluator.evaluate(client, List.of(someoneElse, expired), List.of(), clock);
        assertThat(answer.notTheSubjects()).containsExactly("someone-else");
        assertThat(answer.erasable()).containsExactly("expired");
    }
}
