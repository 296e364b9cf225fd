package org.imarchive.archive.pipeline;

import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.store.CommitOutcome;

/** A record the archive has just committed (not a duplicate), handed to what derives from it: search, supervision. */
public record CommittedRecord(ArchiveRecord record, CommitOutcome outcome, boolean quarantined) {
}
