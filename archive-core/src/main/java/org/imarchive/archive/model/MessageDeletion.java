package org.imarchive.archive.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A tombstone: the platform reported the message deleted (revoked for everyone, or removed from a business chat).
 * The archive keeps every version; this record only says that, and when, it was deleted on the platform.
 *
 * @param deletedAt when the platform says it happened; null where the platform does not tell (capture time applies)
 */
public record MessageDeletion(
        String id,
        MessageKey messageKey,
        Instant deletedAt,
        Instant capturedAt,
        Provenance provenance) implements ArchiveRecord {

    public MessageDeletion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(provenance, "provenance");
    }

    @Override
    public String naturalKey() {
        return "deletion|" + messageKey;
    }
}
