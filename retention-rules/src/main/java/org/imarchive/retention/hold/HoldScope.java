package org.imarchive.retention.hold;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a hold preserves. Each dimension left empty (or null) restricts nothing; a record is covered when it meets every
 * dimension given, and within a dimension any listed value will do: custodians {@code [jsmith]} and counterparties
 * {@code [+447700900123]} hold jsmith's messages with that client, not all of either. This is how a matter is
 * written ("this RM, with these clients, about this, in this period") and keeps the hold no wider than needed.
 *
 * @param custodians     RM user names (compared without case)
 * @param counterparties participant platform ids (phone-like ids compared by their digits)
 * @param conversations  our conversation ids, verbatim
 * @param query          a search query in the archive's query syntax, matched by {@link HoldQueryMatcher}; null for none
 * @param from           earliest {@code sentAt} covered, inclusive; null for no lower bound
 * @param to             latest {@code sentAt} covered, INCLUSIVE (a bound one instant too late over-preserves, one too early
 *                       destroys evidence); null for no upper bound: the hold also takes messages yet to come
 */
public record HoldScope(Set<String> custodians, Set<String> counterparties, Set<String> conversations, String query,
                        Instant from, Instant to) {

    public HoldScope {
        custodians = custodians == null ? Set.of()
                : custodians.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        counterparties = counterparties == null ? Set.of()
                : counterparties.stream().map(PartyIds::comparable).collect(Collectors.toUnmodifiableSet());
        conversations = conversations == null ? Set.of() : Set.copyOf(conversations);
        query = query == null || query.isBlank() ? null : query.strip();
        if (custodians.isEmpty() && counterparties.isEmpty() && conversations.isEmpty() && query == null && from == null && to == null) {
            throw new IllegalArgumentException("a hold must say what it preserves: custodians, counterparties, conversations, a query or dates");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("a hold's date range ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
