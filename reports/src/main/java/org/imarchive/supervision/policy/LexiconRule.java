package org.imarchive.supervision.policy;

import java.util.List;
import java.util.Objects;

/**
 * Words ({@link RuleKind#TERM}) or phrases ({@link RuleKind#PHRASE}) matched as whole words after folding. An entry
 * ending in {@code *} matches as a prefix ({@code guarantee*} also hits {@code guaranteed}).
 */
public record LexiconRule(String id, RuleKind kind, List<String> entries) implements Rule {

    public LexiconRule {
        Objects.requireNonNull(id, "id");
        if (kind != RuleKind.TERM && kind != RuleKind.PHRASE) {
            throw new IllegalArgumentException("a lexicon rule holds terms or phrases, not " + kind);
        }
        entries = List.copyOf(entries);
    }
}
