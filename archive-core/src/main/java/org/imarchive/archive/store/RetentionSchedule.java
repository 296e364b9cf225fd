package org.imarchive.archive.store;

import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.Platform;

import java.time.Instant;

/**
 * Port: the retention each record gets, asked by the committer for every record it commits and stored with it. The
 * rules live outside the archive core (the retention module); the core only keeps what they decided.
 */
@FunctionalInterface
public interface RetentionSchedule {

    RecordRetention retentionOf(Question question);

    /**
     * What the rules are asked about a record.
     *
     * @param kind       {@code message} for a message and its edits, deletion and delivery events; {@code attachment}
     *                   for an attachment's content fetched later
     * @param recordTime when the retention counts from: the message's {@code sentAt} (for every record of the
     *                   message), or the record's capture time when the archive has not seen the message itself
     */
    record Question(ArchiveRecord record, String kind, Platform platform, String accountId, Instant recordTime) {
    }
}
