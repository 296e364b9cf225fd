package org.imarchive.archive.capture;

import java.util.Objects;

/** A payload once it is in the journal: its sequence number orders it among all captures and never changes. */
public record CaptureRecord(long sequence, CapturedPayload payload) {
    public CaptureRecord {
        Objects.requireNonNull(payload, "payload");
        if (sequence < 1) {
            throw new IllegalArgumentException("journal sequences start at 1, got " + sequence);
        }
    }
}
