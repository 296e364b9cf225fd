package org.imarchive.archive.media;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.testing.SampleRecords;

import java.time.Instant;
import java.util.List;

/** Messages with attachments still to fetch, as the Twilio normalizer builds them. */
final class MediaSamples {
    private MediaSamples() {
    }

    static String mediaUrl(String mediaSid) {
        return "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/" + mediaSid;
    }

    static ArchivedMessage withPendingMedia(String messageSid, Instant sentAt, long journalSequence, Attachment... attachments) {
        ArchivedMessage message = SampleRecords.message(messageSid, "+447700900123", "see attached", sentAt);
        return new ArchivedMessage(message.id(), message.messageKey(), message.channel(), message.platformConversationId(),
                message.direction(), message.sender(), message.recipients(), message.sentAt(), message.capturedAt(),
                message.content().withAttachments(List.of(attachments)), null, null, Provenance.webhook(journalSequence));
    }

    static Attachment pending(String mediaSid) {
        return Attachment.pending(mediaUrl(mediaSid), null, "image/jpeg");
    }

    static Attachment pendingWithPlatformHash(String mediaSid, String platformSha256) {
        return new Attachment(mediaUrl(mediaSid), null, "image/jpeg", null, null, Attachment.State.PENDING, platformSha256);
    }
}
