package org.imarchive.archive.store;

import org.imarchive.archive.model.ArchiveRecord;

/**
 * A committed record with what the store knows of it.
 *
 * @param versionNumber 1 for the message as first captured, 2, 3, ... for its edits in the order they were captured;
 *                      null for deletions and delivery events
 */
public record StoredRecord(String recordId, String sha256, Integer versionNumber, ArchiveRecord record) {
}
