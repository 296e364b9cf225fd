package org.imarchive.supervision.queue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewWorkflowTest {

    @ParameterizedTest
    @EnumSource(value = ReviewState.class, names = {"OPEN", "IN_REVIEW"})
    void assigningPutsAnItemInReview(ReviewState from) {
        assertThat(ReviewWorkflow.afterAssignment(from)).isEqualTo(ReviewState.IN_REVIEW);
    }

    @ParameterizedTest
    @EnumSource(value = ReviewOutcome.class, names = {"NO_ISSUE", "ACTION_TAKEN"})
    void noIssueAndActionTakenClose(ReviewOutcome outcome) {
        assertThat(ReviewWorkflow.afterDecision(ReviewState.OPEN, outcome)).isEqualTo(ReviewState.CLOSED);
        assertThat(ReviewWorkflow.afterDecision(ReviewState.IN_REVIEW, outcome)).isEqualTo(ReviewState.CLOSED);
    }

    @Test
    void anEscalationKeepsTheItemInReviewForThePrincipal() {
        ReviewState escalated = ReviewWorkflow.afterDecision(ReviewState.IN_REVIEW, ReviewOutcome.ESCALATED);
        assertThat(escalated).isEqualTo(ReviewState.IN_REVIEW);
        assertThat(ReviewWorkflow.afterDecision(escalated, ReviewOutcome.ACTION_TAKEN)).isEqualTo(ReviewState.CLOSED);
    }

    @ParameterizedTest
    @EnumSource(ReviewOutcome.class)
    void aClosedItemTakesNoFurtherDecision(ReviewOutcome outcome) {
        assertThatThrownBy(() -> ReviewWorkflow.afterDecision(ReviewState.CLOSED, outcome))
                .isInstanceOf(ReviewConflict.class).hasMessageContaining("closed");
    }

    @Test
    void aClosedItemIsNotReassigned() {
        assertThatThrownBy(() -> ReviewWorkflow.afterAssignment(ReviewState.CLOSED)).isInstanceOf(ReviewConflict.class);
    }

    @Test
    void wireNamesRoundTripAndUnknownOnesAreRefused() {
        for (ReviewState state : ReviewState.values()) {
            assertThat(ReviewState.fromWireName(state.wireName())).isEqualTo(state);
        }
        assertThat(ReviewOutcome.fromWireName("action_taken")).isEqualTo(ReviewOutcome.ACTION_TAKEN);
        assertThatThrownBy(() -> ReviewOutcome.fromWireName("approved")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no_issue, escalated or action_taken");
    }
}
