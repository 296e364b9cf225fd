package org.imarchive.gateway.holds;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.retention.hold.RecordFacts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * What a hold is matched against for an archived message: its conversation, the RM who owns its account now (the
 * register's answer, as the index's {@code rm} field is), everyone in it, and when it was sent. A message known only
 * by a status or a deletion has no participants and counts from its first capture, as the index dates it.
 */
@Component
public class MessageFacts {
    private final AccountRegister accounts;

    public MessageFacts(AccountRegister accounts) {
        this.accounts = accounts;
    }

    public RecordFacts of(StoredMessage message) {
        ArchivedMessage original = message.original().orElse(null);
        Set<String> participants = new HashSet<>();
        Instant sentAt;
        if (original != null) {
            addId(participants, original.sender());
            original.recipients().forEach(recipient -> addId(participants, recipient));
            sentAt = original.sentAt();
        } else {
            sentAt = message.records().get(0).record().capturedAt();
        }
        return new RecordFacts(message.messageId(), message.conversationId(), accounts.ownerOf(message.key().account()).orElse(null),
                participants, sentAt, message.key().platform(), message.key().accountId());
    }

    private static void addId(Set<String> ids, Participant participant) {
        if (!participant.platformId().isBlank()) {
            ids.add(participant.platformId());
        }
    }
}
