package org.imarchive.supervision.policy;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How urgently a hit wants a reviewer: the queue orders and routes by it. */
public enum Severity {
    LOW, MEDIUM, HIGH;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
