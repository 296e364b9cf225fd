package org.imarchive.retention.hold;

import org.imarchive.archive.model.Platform;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a hold is matched against: the facts of one message (its attachments, versions and deletion go with it).
 *
 * @param rm           user name of the relationship manager who owns the account (the custodian), or null
 * @param participants platform ids of everyone in the message (sender and recipients); kept in the form they are
 *                     compared in (phone-like ids as digits, others in lower case), so a hold scope and a record agree
 *                     however either was written
 */
public record RecordFacts(String messageId, String conversationId, String rm, Set<String> participants, Instant sentAt,
                          Platform platform, String accountId) {

    public RecordFacts {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sentAt, "sentAt");
        rm = rm == null ? null : rm.strip().toLowerCase(Locale.ROOT);
        participants = participants.stream().map(PartyIds::comparable).collect(Collectors.toUnmodifiableSet());
    }
}
