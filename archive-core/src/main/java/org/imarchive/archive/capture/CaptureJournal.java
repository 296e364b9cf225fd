package org.imarchive.archive.capture;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The durable, append-only journal of raw captures (port). An append completes only once the record is on stable
 * storage, so a platform is acknowledged only for what a crash cannot take away.
 */
public interface CaptureJournal extends AutoCloseable {

    /**
     * Appends a payload and completes with its sequence number once it is durable. Concurrent appends may share
     * one sync (group commit).
     */
    CompletableFuture<Long> appendAsync(CapturedPayload payload);

    /** Appends and waits until the payload is durable. */
    default long append(CapturedPayload payload) {
        try {
            return appendAsync(payload).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new JournalException("append failed", e.getCause());
        }
    }

    /** Feeds every durable record with a sequence greater than {@code afterSequence} to the consumer, in order. */
    void replay(long afterSequence, Consumer<CaptureRecord> consumer);

    /** The sequence of the last durable record, 0 when the journal is empty. */
    long lastSequence();

    /** What the journal found wrong when it was opened: torn tails truncated, corrupt records moved aside. */
    java.util.List<JournalRepair> repairs();

    @Override
    void close();
}
