package org.imarchive.archive.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A new version of a message: the platform reported that its author changed it. The earlier versions stay as
 * they were; this record only adds the content as edited.
 *
 * @param platformEditId the platform's id of the edit event where it has one (WhatsApp sends the edit as a message
 *                       of its own), else null; with {@code editedAt} it tells two edits of one message apart
 */
public record MessageEdit(
        String id,
        MessageKey messageKey,
        String platformEditId,
        Instant editedAt,
        Instant capturedAt,
        MessageContent content,
        Provenance provenance) implements ArchiveRecord {

    public MessageEdit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(editedAt, "editedAt");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String naturalKey() {
        return "edit|" + messageKey + "|" + editedAt.toEpochMilli() + "|" + Objects.requireNonNullElse(platformEditId, "");
    }
}
