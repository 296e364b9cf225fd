package org.imarchive.archive.model;

import java.util.Objects;

/**
 * Someone in a conversation, as the platform names them: its own id kept verbatim (E.164 number, WhatsApp id,
 * Telegram user id) and the display name it showed at the time, which may change or be absent.
 */
public record Participant(String platformId, String displayName) {
    public Participant {
        Objects.requireNonNull(platformId, "platformId");
    }

    public static Participant of(String platformId) {
        return new Participant(platformId, null);
    }
}
