package org.imarchive.archive.model;

import java.util.Objects;

/**
 * What makes a message the same message when a platform retries or an export is imported twice:
 * platform, business account and the platform's own message id, kept verbatim.
 */
public record MessageKey(Platform platform, String accountId, String platformMessageId) {
    public MessageKey {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(platformMessageId, "platformMessageId");
    }

    public AccountRef account() {
        return new AccountRef(platform, accountId);
    }

    @Override
    public String toString() {
        return platform.wireName() + ":" + accountId + ":" + platformMessageId;
    }
}
