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
 * @param custodians   user names of every relationship manager the account has been sanctioned to, current and former
 *                     owners alike: a message stays in a custodian's hold after the account changes hands or is
 *                     revoked (preserving too much is the safe side; disposing of a custodian's message is spoliation)
 * @param participants platform ids of everyone in the message (sender and recipients); kept in the form they are
 *                     compared in (phone-like ids as digits, others in lower case), so a hold scope and a record agree
 *                     however either was written
 */
public record RecordFacts(String messageId, String conversationId, Set<String> custodians, Set<String> participants, Instant sentAt,
                          Platform platform, String accountId) {

    public RecordFacts {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sentAt, "sentAt");
        custodians = custodians.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        participants = participants.stream().map(PartyIds::comparable).collect(Collectors.toUnmodifiableSet());
    }
}
