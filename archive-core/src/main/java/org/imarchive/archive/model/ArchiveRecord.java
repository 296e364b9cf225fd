package org.imarchive.archive.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * One immutable fact the archive commits: a message as first captured, an edit (a new version), a deletion
 * (a tombstone), a delivery status, or an attachment's content fetched after the message. Each is stored as its own content-addressed record and ledger entry.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ArchivedMessage.class, name = "message"),
        @JsonSubTypes.Type(value = MessageEdit.class, name = "edit"),
        @JsonSubTypes.Type(value = MessageDeletion.class, name = "deletion"),
        @JsonSubTypes.Type(value = DeliveryEvent.class, name = "delivery"),
        @JsonSubTypes.Type(value = MediaRetrieved.class, name = "media")
})
public sealed interface ArchiveRecord permits ArchivedMessage, MessageEdit, MessageDeletion, DeliveryEvent, MediaRetrieved {

    /** Our own id of this record: a UUIDv7, sortable by capture time. */
    String id();

    /** The message this record is about. */
    MessageKey messageKey();

    Instant capturedAt();

    Provenance provenance();

    /**
     * What makes two captures the same fact, so a platform's retry or a replayed journal commits nothing twice.
     */
    @JsonIgnore
    String naturalKey();
}
