package org.imarchive.connectors.chatexport;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * Who uploads an export and what the file itself cannot tell.
 *
 * @param custodian       the user who supplied the file; recorded in every record's provenance
 * @param accountId       the custodian's approved business account (phone number, Telegram account) the chat belongs to
 * @param zone            the time zone of the phone that exported a WhatsApp chat (its file has none); null for
 *                        Telegram, whose export carries Unix times
 * @param ownNames        the custodian's own names as the export shows them (WhatsApp author name, Telegram
 *                        {@code from} or {@code from_id}): their messages are outbound, everyone else's inbound
 * @param chatName        the chat's identity for WhatsApp ids when the file name does not carry it; null to derive it
 *                        from the file name
 * @param capturedAt      when the upload was captured; the same for every record of one upload
 * @param journalSequence the capture journal sequence of the uploaded file, for provenance
 */
public record ImportRequest(
        String custodian,
        String accountId,
        ZoneId zone,
        Set<String> ownNames,
        String chatName,
        Instant capturedAt,
        long journalSequence) {

    public ImportRequest {
        if (custodian == null || custodian.isBlank()) {
            throw new IllegalArgumentException("custodian is required");
        }
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("accountId is required");
        }
        Objects.requireNonNull(capturedAt, "capturedAt");
        ownNames = ownNames == null ? Set.of() : Set.copyOf(ownNames);
        if (chatName != null && chatName.isBlank()) {
            chatName = null;
        }
    }

    public static ImportRequest of(String custodian, String accountId, Instant capturedAt) {
        return new ImportRequest(custodian, accountId, null, Set.of(), null, capturedAt, 0);
    }

    public ImportRequest withZone(ZoneId replaced) {
        return new ImportRequest(custodian, accountId, replaced, ownNames, chatName, capturedAt, journalSequence);
    }

    public ImportRequest withOwnNames(String... names) {
        return new ImportRequest(custodian, accountId, zone, Set.copyOf(Arrays.asList(names)), chatName, capturedAt, journalSequence);
    }

    public ImportRequest withChatName(String replaced) {
        return new ImportRequest(custodian, accountId, zone, ownNames, replaced, capturedAt, journalSequence);
    }

    public ImportRequest withJournalSequence(long replaced) {
        return new ImportRequest(custodian, accountId, zone, ownNames, chatName, capturedAt, replaced);
    }
}
