package org.imarchive.archive.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The content of an attachment, fetched from the platform after the message was archived (platforms send a reference,
 * not the bytes). The message record stays as captured, with the attachment pending; this record says where its
 * content now is: the blob named by {@code sha256}.
 *
 * @param platformMediaId the attachment's reference as the message carries it ({@link Attachment#platformMediaId()})
 */
public record MediaRetrieved(
        String id,
        MessageKey messageKey,
        String platformMediaId,
        String sha256,
        long size,
        String mediaType,
        Instant capturedAt,
        Provenance provenance) implements ArchiveRecord {

    public MediaRetrieved {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(platformMediaId, "platformMediaId");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String naturalKey() {
        return "media|" + messageKey + "|" + platformMediaId;
    }
}
