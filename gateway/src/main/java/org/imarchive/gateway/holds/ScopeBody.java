package org.imarchive.gateway.holds;

import org.imarchive.retention.hold.HoldScope;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A hold's scope as the API takes and shows it, and as the database keeps it (JSON). {@code to} is inclusive; see
 * {@link HoldScope} for how the dimensions combine.
 */
public record ScopeBody(String query, List<String> custodians, List<String> counterparties, List<String> conversations,
                        Instant from, Instant to) {

    /** The scope, refused (IllegalArgumentException) when it restricts nothing or its dates run backwards. */
    public HoldScope toScope() {
        return new HoldScope(setOf(custodians), setOf(counterparties), setOf(conversations), query, from, to);
    }

    public static ScopeBody of(HoldScope scope) {
        return new ScopeBody(scope.query(), sorted(scope.custodians()), sorted(scope.counterparties()), sorted(scope.conversations()),
                scope.from(), scope.to());
    }

    private static Set<String> setOf(List<String> values) {
        if (values == null) {
            return Set.of();
        }
        if (values.stream().anyMatch(value -> value == null || value.isBlank())) {
            throw new IllegalArgumentException("a hold's custodians, counterparties and conversations cannot hold a blank value");
        }
        return Set.copyOf(values);
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
