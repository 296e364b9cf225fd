package org.imarchive.supervision.queue;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Where an item stands: nobody has picked it up, someone is working it (or a principal after an escalation), done. */
public enum ReviewState {
    OPEN, IN_REVIEW, CLOSED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewState fromWireName(String name) {
        for (ReviewState state : values()) {
            if (state.wireName().equals(name)) {
                return state;
            }
        }
        throw new IllegalArgumentException("state must be open, in_review or closed, not '" + name + "'");
    }
}
