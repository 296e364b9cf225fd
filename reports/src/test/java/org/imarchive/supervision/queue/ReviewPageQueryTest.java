package org.imarchive.supervision.queue;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReviewPageQueryTest {
    static final Instant BEFORE = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void complianceWithoutFiltersSeesEverything() {
        ReviewPageQuery.Where where = new ReviewPageQuery(null, null, null, null, null, null, 0, 50).where(BEFORE);
        assertThat(where.sql()).isEqualTo(" where 1=1");
        assertThat(where.arguments()).isEmpty();
    }

    @Test
    void aCallerWhoMaySeeNoRmSeesNoItem() {
        assertThat(new ReviewPageQuery(null, null, null, null, null, Set.of(), 0, 50).where(BEFORE).sql()).isEqualTo(" where 1=0");
    }

    @Test
    void everyFilterNarrowsWithItsOwnArgument() {
        ReviewPageQuery.Where where = new ReviewPageQuery(ReviewState.IN_REVIEW, "wealth", "rita", true, "lexicon:complaints", Set.of("rm-b", "rm-a"), 2, 25)
                .where(BEFORE);
        assertThat(where.sql()).isEqualTo(" where 1=1 and rm in (?,?) and state = ? and group_name = ? and assignee = ?"
                + " and (' ' || reasons || ' ') like ? and state <> ? and created_at < ?");
        assertThat(where.arguments()).containsExactly("rm-a", "rm-b", "in_review", "wealth", "rita", "% lexicon:complaints %", "closed",
                BEFORE.atOffset(ZoneOffset.UTC));
    }

    @Test
    void notOverdueMeansClosedOrYoungEnough() {
        ReviewPageQuery.Where where = new ReviewPageQuery(null, null, null, false, null, null, 0, 10).where(BEFORE);
        assertThat(where.sql()).isEqualTo(" where 1=1 and (state = ? or created_at >= ?)");
    }

    @Test
    void aReasonIsOneWholeReasonAndNeverAWildcard() {
        assertThat(new ReviewPageQuery(null, null, null, null, "sample", null, 0, 10).where(BEFORE).arguments()).containsExactly("% sample %");
        assertThatThrownBy(() -> new ReviewPageQuery(null, null, null, null, "lexicon:%", null, 0, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason must look like");
    }

    @Test
    void pagesAreBounded() {
        assertThat(new ReviewPageQuery(null, null, null, null, null, null, 3, 20).offset()).isEqualTo(60);
        assertThatThrownBy(() -> new ReviewPageQuery(null, null, null, null, null, null, -1, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReviewPageQuery(null, null, null, null, null, null, 0, ReviewPageQuery.MAX_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
