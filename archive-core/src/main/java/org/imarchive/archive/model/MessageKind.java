package org.imarchive.archive.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a message carries, so a reviewer and an export can render it without knowing the platform. */
public enum MessageKind {
    TEXT, MEDIA, LOCATION, CONTACTS, INTERACTIVE, REACTION, SYSTEM, UNSUPPORTED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
