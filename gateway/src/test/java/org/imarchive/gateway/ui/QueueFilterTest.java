package org.imarchive.gateway.ui;

import org.imarchive.supervision.queue.ReviewState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueueFilterTest {

    @Test
    void theQueueOpensOnTheOpenItemsAndAnEmptyStateMeansEveryState() {
        assertThat(new QueueFilter(null, null, null, null, null).reviewState()).isEqualTo(ReviewState.OPEN);
        assertThat(new QueueFilter("", null, null, null, null).reviewState()).isNull();
        assertThat(new QueueFilter("", null, null, null, null).query()).isEqualTo("state=");
    }

    @Test
    void theQueryCarriesEveryFilterSoNextMeansTheNextOfTheSameList() {
        QueueFilter filter = new QueueFilter("in_review", "private banking", "lexicon:off-channel", "yes", true);
        assertThat(filter.query()).isEqualTo("state=in_review&group=private%20banking&reason=lexicon:off-channel&overdue=yes&mine=true");
        assertThat(filter.overdueOnly()).isTrue();
        assertThat(new QueueFilter("open", " ", "", "no", false).query()).isEqualTo("state=open&overdue=no");
    }

    @Test
    void anUnknownOverdueValueIsRefusedWithTheAllowedOnes() {
        assertThatThrownBy(() -> new QueueFilter(null, null, null, "maybe", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("yes, no or empty");
    }
}
