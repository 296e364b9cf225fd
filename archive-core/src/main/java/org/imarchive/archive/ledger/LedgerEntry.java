package org.imarchive.archive.ledger;

import java.time.Instant;

/**
 * One link of the ledger.
 *
 * @param serial      1, 2, 3, ... without gaps
 * @param type        what the entry vouches for: {@code record}, {@code blob}, {@code manifest}, {@code tombstone}
 * @param subjectId   the record id, blob hash or production id it vouches for
 * @param subjectHash the SHA-256 of the subject's bytes at the time it was committed
 */
public record LedgerEntry(long serial, Instant recordedAt, String type, String subjectId, String subjectHash,
                          String previousHash, String entryHash) {

    public static String hashOf(long serial, Instant recordedAt, String type, String subjectId, String subjectHash, String previousHash) {
        return HashChain.link(previousHash, Long.toString(serial), recordedAt.toString(), type, subjectId, subjectHash);
    }

    public boolean hashMatches() {
        return entryHash.equals(hashOf(serial, recordedAt, type, subjectId, subjectHash, previousHash));
    }
}
