package org.imarchive.archive.model;

import java.util.Objects;

/**
 * The firm's business account a message went through (a WhatsApp business number, a Meta phone-number id,
 * a Telegram business connection). Approval and ownership by a relationship manager are governed elsewhere.
 */
public record AccountRef(Platform platform, String accountId) {
    public AccountRef {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
    }

    @Override
    public String toString() {
        return platform.wireName() + ":" + accountId;
    }
}
