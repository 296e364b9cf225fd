package org.imarchive.archive.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the retrieval tries: attempt {@code n} that fails is repeated after {@code initialBackoff * 2^(n-1)}, at
 * most {@code maxBackoff}; after {@code maxAttempts} (or a permanent failure) the attachment is marked failed and
 * tried again only every {@code failedRetryInterval}, because platforms do sometimes recover a file.
 *
 * @param maxBytes content larger than this is not stored (WhatsApp documents go up to 100 MB, 2 GB on some routes)
 */
public record MediaRetrievalSettings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration failedRetryInterval,
                                     long maxBytes) {

    public MediaRetrievalSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(failedRetryInterval, "failedRetryInterval");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
    }

    public static MediaRetrievalSettings defaults() {
        return new MediaRetrievalSettings(8, Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofDays(1), 2L * 1024 * 1024 * 1024);
    }

    /** How long to wait after the {@code attempts}-th failed attempt. */
    public Duration backoffAfter(int attempts) {
        Duration delay = initialBackoff;
        for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
