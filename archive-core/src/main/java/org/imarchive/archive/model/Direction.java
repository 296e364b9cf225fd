package org.imarchive.archive.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Seen from the firm: inbound is written by the customer, outbound by the firm's user. */
public enum Direction {
    INBOUND, OUTBOUND;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
