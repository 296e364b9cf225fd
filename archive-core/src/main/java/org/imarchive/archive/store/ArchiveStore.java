package org.imarchive.archive.store;

import java.util.List;
import java.util.Optional;

/**
 * The archive of committed records (port). Records are only ever added: there is no method that changes or removes
 * one. A batch commits atomically together with the journal position it was derived up to, so a crash and a replay
 * neither lose nor duplicate a record.
 */
public interface ArchiveStore {

    /**
     * Commits the records not already held (by natural key), each with a ledger entry, and records that the journal
     * consumer {@code consumer} has processed everything up to {@code journalSequence}.
     *
     * @return one outcome per commit, in the batch's order
     */
    List<CommitOutcome> commit(List<Commit> batch, String consumer, long journalSequence);

    /**
     * Stores a blob (media, a document) once, by its SHA-256, with a ledger entry the first time; returns the hash.
     */
    String putBlob(java.io.InputStream content, String mediaType);

    /**
     * Enters something the archive vouches for beyond its records (a production's manifest, say) in the ledger, so
     * that {@code verify} covers it; returns the ledger serial.
     */
    long vouchFor(String type, String subjectId, String sha256);

    Optional<StoredMessage> message(String messageId);

    /** The conversation's messages in time order, from the {@code offset}-th on. */
    List<StoredMessage> conversation(String conversationId, int offset, int limit);

    /** The position (journal sequence or ledger serial) the consumer has processed up to, 0 if none. */
    long checkpoint(String consumer);

    /** Records that a derived consumer (the search index, ...) has processed everything up to {@code position}. */
    void saveCheckpoint(String consumer, long position);

    /**
     * The messages that committed records changed after ledger serial {@code afterSerial}, in ledger order, at most
     * {@code limit} records' worth: what a derived index must bring up to date.
     */
    List<Change> changesAfter(long afterSerial, int limit);

    /** Which of these natural keys ({@link org.imarchive.archive.model.ArchiveRecord#naturalKey()}) the archive already holds. */
    java.util.Set<String> heldNaturalKeys(java.util.Collection<String> naturalKeys);

    /** The serial of the newest ledger entry, 0 for an empty archive. */
    long lastLedgerSerial();

    /** A committed record's ledger serial and the message it belongs to. */
    record Change(long ledgerSerial, String messageId) {
    }

    /**
     * Up to {@code before} messages before and {@code after} messages after the given one in its conversation, with
     * it in the middle, in time order.
     */
    List<StoredMessage> conversationAround(String messageId, int before, int after);

    /** Records a payload that could not be normalized; its capture stays in the journal for a later replay. */
    void recordCaptureFailure(long journalSequence, String source, String reason);

    long messageCount();
}
