package org.imarchive.archive.testing;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.support.Ids;

import java.time.Instant;
import java.util.List;

/** Canonical records for tests, built the way a connector would build them. */
public final class SampleRecords {
    public static final String ACCOUNT = "+15550001111";
    public static final Instant T0 = Instant.parse("2026-03-02T09:15:00Z");

    private SampleRecords() {
    }

    public static MessageKey key(String platformMessageId) {
        return new MessageKey(Platform.WHATSAPP, ACCOUNT, platformMessageId);
    }

    public static ArchivedMessage message(String platformMessageId, String customer, String text, Instant sentAt) {
        MessageKey key = key(platformMessageId);
        return new ArchivedMessage(Ids.stableId(sentAt, "message|" + key), key, Channel.TWILIO, customer, Direction.INBOUND,
                new Participant(customer, "Customer " + customer), List.of(Participant.of(ACCOUNT)), sentAt, sentAt.plusMillis(40),
                MessageContent.text(text), null, null, Provenance.webhook(1));
    }

    public static MessageEdit edit(String platformMessageId, String text, Instant editedAt) {
        MessageKey key = key(platformMessageId);
        return new MessageEdit(Ids.stableId(editedAt, "edit|" + key + editedAt), key, null, editedAt, editedAt.plusMillis(10),
                MessageContent.text(text), Provenance.webhook(2));
    }

    public static MessageDeletion deletion(String platformMessageId, Instant at) {
        MessageKey key = key(platformMessageId);
        return new MessageDeletion(Ids.stableId(at, "deletion|" + key), key, at, at.plusMillis(10), Provenance.webhook(3));
    }

    public static DeliveryEvent delivery(String platformMessageId, String status, Instant at) {
        MessageKey key = key(platformMessageId);
        return new DeliveryEvent(Ids.stableId(at, "delivery|" + key + status), key, status, at, at.plusMillis(5), null, null, Provenance.webhook(4));
    }
}
