package org.imarchive.gateway.holds;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.accounts.RegisteredAccount;
import org.imarchive.retention.hold.RecordFacts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a hold is matched against for an archived message: its conversation, every RM its account has been sanctioned
 * to (the register's answer, revoked and former owners included; the index's {@code rm} field is the owner when the
 * message was indexed, and goes stale when the account changes hands), everyone in it, and when it was sent. A message known only by a status or a deletion has no
 * participants and counts from its first capture, as the index dates it.
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
        return new RecordFacts(message.messageId(), message.conversationId(), accounts.custodiansOf(message.key().account()),
                participants, sentAt, message.key().platform(), message.key().accountId());
    }

    /**
     * The ids of the accounts these RMs own or once owned, as {@link #of} names a message's custodians: a hold's custodians take in the
     * messages of exactly these accounts (on whichever platform the id is registered).
     */
    public Set<String> accountIdsOwnedBy(Set<String> rms) {
        return accounts.all().stream()
                .filter(account -> account.wasSanctioned() && account.owner() != null
                        && rms.contains(account.owner().strip().toLowerCase(Locale.ROOT)))
                .map(RegisteredAccount::accountId).collect(Collectors.toUnmodifiableSet());
    }

    private static void addId(Set<String> ids, Participant participant) {
        if (!participant.platformId().isBlank()) {
            ids.add(participant.platformId());
        }
    }
}
