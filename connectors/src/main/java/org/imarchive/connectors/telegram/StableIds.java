package org.imarchive.connectors.telegram;

import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.support.Ids;

/**
 * Gives a record its id derived from its natural key and capture time, so replaying the same journal record yields
 * the same id. The model has no way to build a record's natural key before the record, hence build-then-name.
 */
final class StableIds {
    /** Placeholder id of a record that is about to be named. */
    static final String UNNAMED = "unnamed";

    private StableIds() {
    }

    @SuppressWarnings("unchecked")
    static <R extends ArchiveRecord> R named(R unnamed) {
        String id = Ids.stableId(unnamed.capturedAt(), unnamed.naturalKey());
        ArchiveRecord named;
        if (unnamed instanceof ArchivedMessage m) {
            named = new ArchivedMessage(id, m.messageKey(), m.channel(), m.platformConversationId(), m.direction(),
                    m.sender(), m.recipients(), m.sentAt(), m.capturedAt(), m.content(), m.replyToPlatformMessageId(),
                    m.forward(), m.provenance());
        } else if (unnamed instanceof MessageEdit e) {
            named = new MessageEdit(id, e.messageKey(), e.platformEditId(), e.editedAt(), e.capturedAt(), e.content(),
                    e.provenance());
        } else if (unnamed instanceof MessageDeletion d) {
            named = new MessageDeletion(id, d.messageKey(), d.deletedAt(), d.capturedAt(), d.provenance());
        } else {
            DeliveryEvent d = (DeliveryEvent) unnamed;
            named = new DeliveryEvent(id, d.messageKey(), d.status(), d.at(), d.capturedAt(), d.errorCode(),
                    d.errorMessage(), d.provenance());
        }
        return (R) named;
    }
}
