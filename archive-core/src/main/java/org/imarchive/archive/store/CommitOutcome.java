package org.imarchive.archive.store;

/**
 * What a commit did with one record.
 *
 * @param duplicate    true when the archive already held the same fact (a retry or a replay): nothing was written
 * @param ledgerSerial the ledger entry vouching for the record; for a duplicate, null
 */
public record CommitOutcome(String recordId, String messageId, String conversationId, boolean duplicate, Long ledgerSerial) {
}
