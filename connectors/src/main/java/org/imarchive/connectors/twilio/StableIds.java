package org.imarchive.connectors.twilio;

import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.DeliveryEvent;
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

    static ArchivedMessage named(ArchivedMessage m) {
        return new ArchivedMessage(id(m), m.messageKey(), m.channel(), m.platformConversationId(), m.direction(),
                m.sender(), m.recipients(), m.sentAt(), m.capturedAt(), m.content(), m.replyToPlatformMessageId(),
                m.forward(), m.provenance());
    }

    static DeliveryEvent named(DeliveryEvent d) {
        return new DeliveryEvent(id(d), d.messageKey(), d.status(), d.at(), d.capturedAt(), d.errorCode(),
                d.errorMessage(), d.provenance());
    }

    private static String id(ArchiveRecord unnamed) {
        return Ids.stableId(unnamed.capturedAt(), unnamed.naturalKey());
    }
}
