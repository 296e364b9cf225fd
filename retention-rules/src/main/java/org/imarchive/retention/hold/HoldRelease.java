package org.imarchive.retention.hold;

import java.time.Instant;
import java.util.Objects;

/** Who lifted a hold, when, and why; the reason is required, as counsel must be able to justify the release later. */
public record HoldRelease(String releasedBy, Instant releasedAt, String reason) {

    public HoldRelease {
        if (releasedBy == null || releasedBy.isBlank()) {
            throw new IllegalArgumentException("a hold release needs the user who releases it");
        }
        Objects.requireNonNull(releasedAt, "releasedAt");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a hold release needs a reason");
        }
    }
}
