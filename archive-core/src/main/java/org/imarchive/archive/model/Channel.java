package org.imarchive.archive.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The route a record came in by: one platform can be reached through several providers and exports. */
public enum Channel {
    TWILIO("twilio", Platform.WHATSAPP),
    WHATSAPP_CLOUD("whatsapp-cloud", Platform.WHATSAPP),
    WHATSAPP_EXPORT("whatsapp-export", Platform.WHATSAPP),
    TELEGRAM_BOT("telegram-bot", Platform.TELEGRAM),
    TELEGRAM_EXPORT("telegram-export", Platform.TELEGRAM);

    private final String wireName;
    private final Platform platform;

    Channel(String wireName, Platform platform) {
        this.wireName = wireName;
        this.platform = platform;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Platform platform() {
        return platform;
    }
}
