package org.imarchive.archive.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A delivery status the platform reported for a message (sent, delivered, read, failed, ...). Platforms send them
 * out of order and more than once; each status is kept once per message, whatever order it came in.
 *
 * @param status the platform's status word, lower case, verbatim otherwise
 */
public record DeliveryEvent(
        String id,
        MessageKey messageKey,
        String status,
        Instant at,
        Instant capturedAt,
        String errorCode,
        String errorMessage,
        Provenance provenance) implements ArchiveRecord {

    public DeliveryEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(provenance, "provenance");
        status = status.toLowerCase(Locale.ROOT);
    }

    @Override
    public String naturalKey() {
        return "delivery|" + messageKey + "|" + status;
    }
}
