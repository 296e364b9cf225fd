package org.imarchive.retention.policy;

import org.imarchive.archive.audit.AuditEntry;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionSubjectTest {

    final Instant sentAt = Instant.parse("2025-12-31T23:00:00Z");
    final ArchivedMessage message = new ArchivedMessage("id-1", new MessageKey(Platform.WHATSAPP, "+15550001111", "wamid.1"),
            Channel.TWILIO, "+447700900123", Direction.INBOUND, Participant.of("+447700900123"), List.of(Participant.of("+15550001111")),
            sentAt, sentAt.plusSeconds(3_600), MessageContent.text("hello"), null, null, Provenance.webhook(7));

    @Test
    void aMessageAndItsAttachmentsCountFromSentAtNotFromCapture() {
        RetentionSubject subject = RetentionSubject.ofMessage(message, "wealth", "EU");
        assertThat(subject).isEqualTo(new RetentionSubject(RecordType.MESSAGE, Platform.WHATSAPP, "+15550001111", "wealth", "EU", sentAt));
        assertThat(RetentionSubject.ofAttachment(message, "wealth", "EU").recordTime())
                .as("captured an hour later, on the next UTC day").isEqualTo(sentAt);
        assertThat(RetentionSubject.ofAttachment(message, "wealth", "EU").recordType()).isEqualTo(RecordType.ATTACHMENT);
    }

    @Test
    void anAuditEntryCountsFromWhenItHappened() {
        Instant occurredAt = Instant.parse("2026-01-02T03:04:05Z");
        AuditEntry entry = new AuditEntry(1, occurredAt, "admin", "search", "messages", AuditEvent.Outcome.SUCCESS, null, null, "0", "1");
        assertThat(RetentionSubject.ofAuditEntry(entry))
                .isEqualTo(new RetentionSubject(RecordType.AUDIT_ENTRY, null, null, null, null, occurredAt));
    }
}
