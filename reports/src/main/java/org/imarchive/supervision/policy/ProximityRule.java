package org.imarchive.supervision.policy;

import java.util.List;
import java.util.Objects;

/**
 * One of {@code first} within {@code within} words of one of {@code second}: at most that many words stand between
 * them. Entries are terms or phrases as in a {@link LexiconRule}.
 *
 * @param ordered whether {@code first} must come before {@code second}; otherwise either order hits
 */
public record ProximityRule(String id, List<String> first, List<String> second, int within, boolean ordered) implements Rule {

    public ProximityRule {
        Objects.requireNonNull(id, "id");
        first = List.copyOf(first);
        second = List.copyOf(second);
        if (within < 0) {
            throw new IllegalArgumentException("within must not be negative");
        }
    }

    @Override
    public RuleKind kind() {
        return RuleKind.PROXIMITY;
    }
}
