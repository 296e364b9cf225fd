package org.imarchive.retention.hold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether legal holds cover a record. A hold covers a record when it is active and the record meets its scope
 * ({@link HoldScope}); when the record arrived does not matter, so a message archived after the hold was placed is
 * held as soon as it is committed. The query, the only costly test, is asked last and only of records that meet the
 * rest of the scope.
 */
public final class HoldEvaluator {

    private final HoldQueryMatcher queryMatcher;

    public HoldEvaluator(HoldQueryMatcher queryMatcher) {
        this.queryMatcher = Objects.requireNonNull(queryMatcher, "queryMatcher");
    }

    public boolean covers(LegalHold hold, RecordFacts record) {
        if (!hold.isActive()) {
            return false;
        }
        HoldScope scope = hold.scope();
        return within(record.sentAt(), scope.from(), scope.to())
                && (scope.custodians().isEmpty() || anyOf(record.custodians(), scope.custodians()))
                && (scope.conversations().isEmpty() || scope.conversations().contains(record.conversationId()))
                && (scope.counterparties().isEmpty() || anyOf(record.participants(), scope.counterparties()))
                && (scope.query() == null || queryMatcher.matches(scope.query(), record));
    }

    /** The ids of the active holds, of those given, that cover the record; empty when none does. */
    public List<String> holdsCovering(Collection<LegalHold> holds, RecordFacts record) {
        List<String> covering = null;
        for (LegalHold hold : holds) {
            if (covers(hold, record)) {
                if (covering == null) {
                    covering = new ArrayList<>(2);
                }
                covering.add(hold.id());
            }
        }
        return covering == null ? List.of() : covering;
    }

    private static boolean within(Instant sentAt, Instant from, Instant to) {
        return (from == null || !sentAt.isBefore(from)) && (to == null || !sentAt.isAfter(to));
    }

    private static boolean anyOf(Set<String> values, Set<String> wanted) {
        for (String value : values) {
            if (wanted.contains(value)) {
                return true;
            }
        }
        return false;
    }
}
