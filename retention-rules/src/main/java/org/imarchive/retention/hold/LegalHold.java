package org.imarchive.retention.hold;

import org.imarchive.archive.support.Ids;

import java.time.Instant;
import java.util.Objects;

/**
 * A legal hold: records in its scope are preserved, whatever their retention says, from the moment it is placed until
 * it is released. Placing and releasing make new values; the store keeps both facts.
 *
 * @param release null while the hold is active
 */
public record LegalHold(String id, String matter, String reason, String placedBy, Instant placedAt, HoldScope scope,
                        HoldRelease release) {

    public LegalHold {
        Objects.requireNonNull(id, "id");
        requireText(matter, "a matter");
        requireText(reason, "a reason");
        requireText(placedBy, "the user who places it");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(scope, "scope");
        if (release != null && release.releasedAt().isBefore(placedAt)) {
            throw new IllegalArgumentException("hold " + id + " cannot be released before it was placed");
        }
    }

    public static LegalHold place(String matter, String reason, String placedBy, Instant placedAt, HoldScope scope) {
        return new LegalHold(Ids.newId(placedAt), matter, reason, placedBy, placedAt, scope, null);
    }

    public boolean isActive() {
        return release == null;
    }

    /** This hold released; refused without a reason, and for a hold already released (its release is on record). */
    public LegalHold release(String releasedBy, Instant releasedAt, String releaseReason) {
        if (!isActive()) {
            throw new IllegalStateException("hold " + id + " was already released by " + release.releasedBy() + " at " + release.releasedAt());
        }
        return new LegalHold(id, matter, reason, placedBy, placedAt, scope, new HoldRelease(releasedBy, releasedAt, releaseReason));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a legal hold needs " + what);
        }
    }
}
