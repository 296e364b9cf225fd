package org.imarchive.archive.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The messaging network a record belongs to, whatever route (channel) brought it in. */
public enum Platform {
    WHATSAPP, TELEGRAM;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Platform fromWireName(String name) {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
}
