package org.imarchive.retention.hold;

import org.imarchive.archive.model.Platform;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HoldEvaluatorTest {

    static final Instant PLACED = Instant.parse("2025-01-10T09:00:00Z");
    final InMemoryHoldQueryMatcher queries = new InMemoryHoldQueryMatcher();
    final HoldEvaluator evaluator = new HoldEvaluator(queries);

    static RecordFacts message(String id, String rm, String client, String sentAt) {
        return new RecordFacts(id, "conv-" + rm + "-" + client, Set.of(rm), Set.of(client, "+15550001111"), Instant.parse(sentAt),
                Platform.WHATSAPP, "+15550001111");
    }

    static LegalHold hold(HoldScope scope) {
        return LegalHold.place("SEC v. Example", "subpoena 2025-01", "counsel", PLACED, scope);
    }

    @Test
    void aHoldCoversItsCustodianWithItsCounterpartyAndNotTheirNeighbours() {
        LegalHold hold = hold(new HoldScope(Set.of("jsmith"), Set.of("+447700900123"), null, null, null, null));
        assertThat(evaluator.covers(hold, message("m1", "jsmith", "+447700900123", "2024-05-01T10:00:00Z"))).isTrue();
        assertThat(evaluator.covers(hold, message("m2", "jsmith", "+447700900999", "2024-05-01T10:00:00Z")))
                .as("the same RM with another client").isFalse();
        assertThat(evaluator.covers(hold, message("m3", "mrossi", "+447700900123", "2024-05-01T10:00:00Z")))
                .as("the same client with another RM").isFalse();
    }

    @Test
    void aMessageArchivedAfterTheHoldWasPlacedIsCovered() {
        LegalHold hold = hold(new HoldScope(Set.of("jsmith"), null, null, null, Instant.parse("2024-01-01T00:00:00Z"), null));
        assertThat(evaluator.covers(hold, message("later", "jsmith", "+447700900123", "2026-08-01T10:00:00Z"))).isTrue();
        assertThat(evaluator.covers(hold, message("before", "jsmith", "+447700900123", "2023-12-31T23:59:59Z"))).isFalse();
    }

    @Test
    void theDateRangeIncludesBothEnds() {
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        Instant to = Instant.parse("2024-06-30T23:59:59Z");
        LegalHold hold = hold(new HoldScope(null, null, Set.of("conv-jsmith-+447700900123"), null, from, to));
        assertThat(evaluator.covers(hold, message("first", "jsmith", "+447700900123", "2024-01-01T00:00:00Z"))).isTrue();
        assertThat(evaluator.covers(hold, message("last", "jsmith", "+447700900123", "2024-06-30T23:59:59Z"))).isTrue();
        assertThat(evaluator.covers(hold, message("after", "jsmith", "+447700900123", "2024-06-30T23:59:59.000000001Z"))).isFalse();
        assertThat(evaluator.covers(hold, message("other-conversation", "jsmith", "+447700900999", "2024-03-01T00:00:00Z"))).isFalse();
    }

    @Test
    void phoneNumbersCompareByTheirDigitsAndUserNamesWithoutCase() {
        LegalHold hold = hold(new HoldScope(Set.of("JSmith "), Set.of("whatsapp:+44 7700 900123"), null, null, null, null));
        assertThat(evaluator.covers(hold, message("m1", "jsmith", "447700900123", "2024-05-01T10:00:00Z"))).isTrue();
    }

    @Test
    void theQueryIsAskedOnlyOfRecordsThatMeetTheRestOfTheScope() {
        queries.text("m1", "about the Acme block trade").text("m2", "lunch on friday?").text("m3", "Acme again");
        LegalHold hold = hold(new HoldScope(Set.of("jsmith"), null, null, "acme", null, null));
        assertThat(evaluator.covers(hold, message("m1", "jsmith", "+447700900123", "2024-05-01T10:00:00Z"))).isTrue();
        assertThat(evaluator.covers(hold, message("m2", "jsmith", "+447700900123", "2024-05-01T10:00:00Z"))).isFalse();
        assertThat(evaluator.covers(hold, message("m3", "mrossi", "+447700900123", "2024-05-01T10:00:00Z"))).isFalse();
        assertThat(queries.questions()).isEqualTo(2);
    }

    @Test
    void aReleasedHoldCoversNothingAndListsOnlyActiveHolds() {
        LegalHold active = hold(new HoldScope(Set.of("jsmith"), null, null, null, null, null));
        LegalHold released = hold(new HoldScope(Set.of("jsmith"), null, null, null, null, null))
                .release("counsel", PLACED.plusSeconds(86_400), "matter settled");
        RecordFacts record = message("m1", "jsmith", "+447700900123", "2024-05-01T10:00:00Z");
        assertThat(evaluator.covers(released, record)).isFalse();
        assertThat(evaluator.holdsCovering(List.of(active, released), record)).containsExactly(active.id());
    }

    @Test
    void releaseNeedsAReasonAndHappensOnce() {
        LegalHold hold = hold(new HoldScope(Set.of("jsmith"), null, null, null, null, null));
        assertThatThrownBy(() -> hold.release("counsel", PLACED.plusSeconds(60), " ")).hasMessageContaining("reason");
        assertThatThrownBy(() -> hold.release("counsel", PLACED.minusSeconds(60), "settled")).hasMessageContaining("before it was placed");
        LegalHold released = hold.release("counsel", PLACED.plusSeconds(60), "settled");
        assertThat(released.isActive()).isFalse();
        assertThat(released.release().reason()).isEqualTo("settled");
        assertThatThrownBy(() -> released.release("counsel", PLACED.plusSeconds(120), "again")).hasMessageContaining("already released");
    }

    @Test
    void aHoldMustSayWhatItPreserves() {
        assertThatThrownBy(() -> new HoldScope(Set.of(), Set.of(), Set.of(), " ", null, null)).hasMessageContaining("must say what");
        assertThatThrownBy(() -> hold(new HoldScope(Set.of("jsmith"), null, null, null, PLACED, PLACED.minusSeconds(1))))
                .hasMessageContaining("before it starts");
    }
}
