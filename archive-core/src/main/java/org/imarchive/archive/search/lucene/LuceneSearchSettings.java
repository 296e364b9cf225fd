package org.imarchive.archive.search.lucene;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the embedded index runs.
 *
 * @param directory       where the index files live; the index can always be rebuilt from the archive
 * @param refreshInterval how often new writes become searchable; at most a second keeps "in search within 2 s"
 * @param commitInterval  how often writes are made durable; a crash loses at most this much, which a rebuild or
 *                        replay restores
 * @param ramBufferMb     memory for buffering documents before they are written as a segment
 */
public record LuceneSearchSettings(Path directory, Duration refreshInterval, Duration commitInterval, double ramBufferMb) {

    public LuceneSearchSettings {
        Objects.requireNonNull(directory, "directory");
        if (refreshInterval.isNegative() || refreshInterval.isZero() || refreshInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException("refreshInterval must be above 0 and at most 1 s, was " + refreshInterval);
        }
        if (commitInterval.isNegative() || commitInterval.isZero()) {
            throw new IllegalArgumentException("commitInterval must be above 0, was " + commitInterval);
        }
    }

    public static LuceneSearchSettings defaults(Path directory) {
        return new LuceneSearchSettings(directory, Duration.ofMillis(500), Duration.ofMinutes(1), 64);
    }
}
