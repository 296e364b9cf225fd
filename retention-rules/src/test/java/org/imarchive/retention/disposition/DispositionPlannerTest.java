package org.imarchive.retention.disposition;

import org.imarchive.retention.RetainedRecord;
import org.imarchive.retention.TestClock;
import org.imarchive.retention.hold.HoldEvaluator;
import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.InMemoryHoldQueryMatcher;
import org.imarchive.retention.hold.LegalHold;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imarchive.retention.Archive.message;

class DispositionPlannerTest {

    final TestClock clock = new TestClock("2020-03-15T12:00:00Z");
    final DispositionPlanner planner = new DispositionPlanner(new HoldEvaluator(new InMemoryHoldQueryMatcher()), clock);

    /** Sent 2020-03-15: FINRA's 6 years beat SEC's 3, so it is kept through 2026-03-15 and expires on 2026-03-16. */
    final RetainedRecord us = message("us", "jsmith", "+447700900123", "2020-03-15T23:59:59Z");
    /** The same day for an EU client: MiFID's 7 years (as configured here) win. */
    final RetainedRecord eu = message("eu", "jsmith", "+33612345678", "2020-03-15T08:00:00Z", "EU");

    @Test
    void aRecordIsPlannedFromTheDayItsLongestRuleExpiresAndNotBefore() {
        assertThat(us.assignment().expiresOn()).isEqualTo(LocalDate.parse("2026-03-16"));

        clock.set("2023-03-17T00:00:00Z");
        assertThat(plannedIds(plan())).as("SEC's 3 years are over, FINRA's 6 are not").isEmpty();

        clock.set("2026-03-15T23:59:59.999Z");
        DispositionPlan dayBefore = plan();
        assertThat(plannedIds(dayBefore)).isEmpty();
        assertThat(dayBefore.notYetExpired()).isEqualTo(2);

        clock.set("2026-03-16T00:00:00Z");
        DispositionPlan dayOf = plan();
        assertThat(plannedIds(dayOf)).containsExactly("us");
        assertThat(dayOf.disposals().get(0)).isEqualTo(new PlannedDisposal("us", us.recordHash(), LocalDate.parse("2026-03-16"), "finra-6y", "FINRA 4511"));

        clock.set("2026-03-17T00:00:00Z");
        assertThat(plannedIds(plan())).containsExactly("us");

        clock.set("2027-03-15T23:59:59Z");
        assertThat(plannedIds(plan())).containsExactly("us");
        clock.set("2027-03-16T00:00:00Z");
        assertThat(plannedIds(plan())).containsExactly("us", "eu");
    }

    @Test
    void overTenYearsEachRecordEntersThePlanInItsOwnYear() {
        List<RetainedRecord> records = new ArrayList<>();
        for (int year = 2015; year <= 2024; year++) {
            records.add(message("m" + year, "jsmith", "+447700900123", year + "-02-28T10:00:00Z"));
        }
        for (int year = 2020; year <= 2031; year++) {
            clock.set(year + "-03-01T00:00:00Z");
            int lastExpiredYear = year - 6;
            DispositionPlan plan = planner.plan(records, List.of(), "records.manager");
            assertThat(plannedIds(plan)).as("in %d", year).containsExactlyElementsOf(
                    records.stream().map(RetainedRecord::recordId).filter(id -> Integer.parseInt(id.substring(1)) <= lastExpiredYear).toList());
        }
    }

    @Test
    void aHoldKeepsBackExactlyWhatItScopesIncludingMessagesArchivedAfterIt() {
        clock.set("2025-01-10T09:00:00Z");
        LegalHold hold = LegalHold.place("Doe v. Bank", "litigation", "counsel", clock.instant(),
                new HoldScope(Set.of("jsmith"), Set.of("+447700900123"), null, null, null, null));
        RetainedRecord held = message("held", "jsmith", "+447700900123", "2019-05-01T10:00:00Z");
        RetainedRecord arrivedLater = message("arrived-later", "jsmith", "+447700900123", "2025-06-01T10:00:00Z");
        RetainedRecord sameRmOtherClient = message("same-rm", "jsmith", "+447700900999", "2019-05-01T10:00:00Z");
        RetainedRecord sameClientOtherRm = message("same-client", "mrossi", "+447700900123", "2019-05-01T10:00:00Z");
        List<RetainedRecord> records = List.of(held, arrivedLater, sameRmOtherClient, sameClientOtherRm);

        clock.set("2040-01-01T00:00:00Z");
        DispositionPlan plan = planner.plan(records, List.of(hold), "records.manager");
        assertThat(plannedIds(plan)).containsExactly("same-rm", "same-client");
        assertThat(plan.heldBack()).extracting(HeldBackRecord::recordId).containsExactly("held", "arrived-later");
        assertThat(plan.heldBack()).allSatisfy(back -> assertThat(back.holdIds()).containsExactly(hold.id()));

        LegalHold released = hold.release("counsel", clock.instant(), "case dismissed with prejudice");
        DispositionPlan afterRelease = planner.plan(records, List.of(released), "records.manager");
        assertThat(plannedIds(afterRelease)).containsExactly("held", "arrived-later", "same-rm", "same-client");
        assertThat(afterRelease.heldBack()).isEmpty();
    }

    @Test
    void aHeldRecordBeforeItsExpiryIsNeitherPlannedNorHeldBack() {
        LegalHold hold = LegalHold.place("Doe v. Bank", "litigation", "counsel", clock.instant(),
                new HoldScope(Set.of("jsmith"), null, null, null, null, null));
        clock.set("2021-01-01T00:00:00Z");
        DispositionPlan plan = planner.plan(List.of(us), List.of(hold), "records.manager");
        assertThat(plan.disposals()).isEmpty();
        assertThat(plan.heldBack()).isEmpty();
        assertThat(plan.notYetExpired()).isEqualTo(1);
    }

    @Test
    void thePlanRecordsWhoPlannedItAndWhen() {
        clock.set("2030-01-01T00:00:00Z");
        DispositionPlan plan = planner.plan(List.of(us), List.of(), "records.manager");
        assertThat(plan.plannedBy()).isEqualTo("records.manager");
        assertThat(plan.asOf()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(plan.planHash()).hasSize(64).isNotEqualTo(planner.plan(List.of(us, eu), List.of(), "records.manager").planHash());
    }

    private DispositionPlan plan() {
        return planner.plan(List.of(us, eu), List.of(), "records.manager");
    }

    private static List<String> plannedIds(DispositionPlan plan) {
        return plan.disposals().stream().map(PlannedDisposal::recordId).toList();
    }
}
