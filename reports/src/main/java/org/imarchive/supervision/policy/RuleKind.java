package org.imarchive.supervision.policy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What kind of rule a hit came from, so a reviewer knows whether a word, a pattern or a pair of words matched. */
public enum RuleKind {
    TERM, PHRASE, REGEX, PROXIMITY;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
