package org.imarchive.archive.store;

import org.imarchive.archive.model.ArchiveRecord;

/** A record to commit, with the governance decision taken before it: a quarantined record is kept, and flagged. */
public record Commit(ArchiveRecord record, boolean quarantined) {
}
