package org.imarchive.connectors.telegram;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Telegram Business account connected the firm's bot, changed its rights, or disconnected it. It is no message, so
 * it is not archived as one; the gateway registers it to know which business connection belongs to which user.
 *
 * @param connectionId the business_connection_id every business message carries
 * @param userId       the Telegram user id of the business account's owner (the relationship manager)
 * @param userName     the owner's display name (first and last name)
 * @param username     the owner's @username without the @, when they have one
 * @param userChatId   the private chat between the owner and the bot
 * @param rights       what the bot may do, as Telegram names the rights ({@code can_reply}, {@code can_read_messages}, ...)
 */
public record BusinessConnectionEvent(
        String connectionId,
        String userId,
        String userName,
        String username,
        String userChatId,
        Instant date,
        boolean enabled,
        SortedMap<String, Boolean> rights) {

    public BusinessConnectionEvent {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(userId, "userId");
        rights = Collections.unmodifiableSortedMap(new TreeMap<>(rights == null ? new TreeMap<>() : rights));
    }
}
