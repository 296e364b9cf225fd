package org.imarchive.archive.store;

import org.imarchive.archive.ledger.Ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The archive's records as retention and disposition see them (port): which are expired, the retention stored with
 * each, and the one way content ever leaves the archive, {@link #dispose}. Nothing here can shorten a retention.
 */
public interface RetentionCatalog {

    /** Live records whose retention lets them go on {@code day} ({@code expiresOn <= day}), oldest expiry first. */
    List<RetainedRow> expiredOn(LocalDate day, int limit);

    /** How many live records are still kept on {@code day}, including those with no retention stored. */
    long keptOn(LocalDate day);

    /** These records, those still live. */
    List<RetainedRow> records(Collection<String> recordIds);

    /** The live records of messages in which one of these platform ids (verbatim) takes part. */
    List<RetainedRow> recordsOfParticipants(Collection<String> platformIds);

    /** Every platform id that takes part in a live message, verbatim, for matching a data subject's ids. */
    Set<String> participantIds();

    /** Streams every live record that has a retention, for re-evaluation under a new policy version. */
    void forEachRetained(Consumer<RetainedRow> each);

    /**
     * Replaces stored retentions with LATER ones; a proposed retention that would expire earlier than the stored one
     * is refused with an {@link IllegalArgumentException}, whoever asks.
     */
    void extend(List<Extension> extensions);

    /** A record's new, later retention. */
    record Extension(String recordId, RecordRetention retention) {
    }

    /**
     * Removes the records' content for good, each checked once more to be live and expired on {@code day} (the
     * caller's plan must not be the only guard): records whose message keeps no live record lose their message's data
     * key, the others are overwritten in place; blobs no live record uses any more are destroyed; each record and
     * blob gets a tombstone in the ledger carrying its hash.
     *
     * @throws RecordNotDisposableException when one of them is not live or not expired on {@code day}; then nothing is removed
     */
    default List<Tombstone> dispose(Collection<String> recordIds, LocalDate day) {
        return dispose(recordIds, day, connection -> List.of());
    }

    /**
     * As {@link #dispose(Collection, LocalDate)}, with the caller's evidence of the disposal (its certificate, its
     * plan's state) written in the same transaction as the tombstones: both commit, or neither.
     */
    List<Tombstone> dispose(Collection<String> recordIds, LocalDate day, DisposalEvidence evidence);

    /** What a caller records about a disposal inside the disposal's own transaction. */
    @FunctionalInterface
    interface DisposalEvidence {
        /**
         * Writes the caller's rows on the disposal's connection (never committing it) and returns the subjects the
         * ledger vouches for with them, entered after the tombstones.
         */
        List<Ledger.Subject> write(Connection connection) throws SQLException;
    }

    /** The ledger entry left by a disposed record or blob. */
    record Tombstone(String subjectId, String sha256, long ledgerSerial, String messageId) {
    }
}
