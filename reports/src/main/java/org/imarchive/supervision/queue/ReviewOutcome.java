package org.imarchive.supervision.queue;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** What a reviewer decided about an item. */
public enum ReviewOutcome {
    /** Nothing that breaches policy: the item closes. */
    NO_ISSUE,
    /** Handed to a principal (a supervisor), who decides in turn: the item stays in review. */
    ESCALATED,
    /** Something was done about it (the RM warned, a complaint filed): the item closes. */
    ACTION_TAKEN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewOutcome fromWireName(String name) {
        for (ReviewOutcome outcome : values()) {
            if (outcome.wireName().equals(name)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("outcome must be no_issue, escalated or action_taken, not '" + name + "'");
    }
}
