package org.imarchive.retention.policy;

import org.imarchive.archive.audit.AuditEntry;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Platform;

import java.time.Instant;
import java.util.Objects;

/**
 * The facts of a record that retention rules match on, and the time its retention counts from.
 *
 * @param platform     null for records that belong to no platform (audit entries, review evidence)
 * @param accountId    the firm's business account, verbatim; null where none applies
 * @param businessLine the desk or business line that owns the account (from the account register), or null
 * @param jurisdiction where the client relationship is booked, as the firm codes it (e.g. {@code US}, {@code EU}), or null
 * @param recordTime   when the record was made: a message's {@code sentAt} (also for its attachments, edits and
 *                     deletion, which are kept with it), an audit entry's {@code occurredAt}, a review's decision time
 */
public record RetentionSubject(RecordType recordType, Platform platform, String accountId, String businessLine,
                               String jurisdiction, Instant recordTime) {

    public RetentionSubject {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordTime, "recordTime");
    }

    public static RetentionSubject ofMessage(ArchivedMessage message, String businessLine, String jurisdiction) {
        return new RetentionSubject(RecordType.MESSAGE, message.platform(), message.messageKey().accountId(),
                businessLine, jurisdiction, message.sentAt());
    }

    /** An attachment is part of the communication, so its retention counts from the message's {@code sentAt}. */
    public static RetentionSubject ofAttachment(ArchivedMessage message, String businessLine, String jurisdiction) {
        return new RetentionSubject(RecordType.ATTACHMENT, message.platform(), message.messageKey().accountId(),
                businessLine, jurisdiction, message.sentAt());
    }

    public static RetentionSubject ofAuditEntry(AuditEntry entry) {
        return new RetentionSubject(RecordType.AUDIT_ENTRY, null, null, null, null, entry.occurredAt());
    }

    public static RetentionSubject ofReviewEvidence(Instant decidedAt) {
        return new RetentionSubject(RecordType.REVIEW_EVIDENCE, null, null, null, null, decidedAt);
    }
}
