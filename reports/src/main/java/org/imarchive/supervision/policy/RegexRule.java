package org.imarchive.supervision.policy;

import java.util.Objects;

/**
 * A regular expression run over the folded text (lower case, no diacritics, white space collapsed), case-insensitive.
 *
 * @param validator checked on each match, or null: a card number must pass Luhn, an IBAN mod-97
 * @param maskEvidence whether a hit records the match with all but its last four digits masked, so the review queue
 *                     does not become a second store of card numbers (the archive keeps the original)
 */
public record RegexRule(String id, String pattern, Validator validator, boolean maskEvidence) implements Rule {

    public RegexRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pattern, "pattern");
    }

    @Override
    public RuleKind kind() {
        return RuleKind.REGEX;
    }
}
