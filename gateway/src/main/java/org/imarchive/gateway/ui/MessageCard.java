package org.imarchive.gateway.ui;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;
import org.imarchive.supervision.lexicon.Hit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One message as a page shows it: every version (the original, then each edit), the deletion if the sender deleted
 * it, and its attachments, with the hits of the version under review marked where the lexicon found them.
 *
 * @param underReview the message the review item is about
 * @param deletedAt   when it was deleted on the platform (the archive keeps it); null if it was not
 */
public record MessageCard(String id, String conversationId, String platform, String direction, String sender, Instant sentAt,
                          boolean underReview, boolean quarantined, Instant deletedAt, List<Version> versions) {

    /** @param current the newest version, the one the platform shows now (unless deleted) */
    public record Version(int number, String recordId, Instant at, String kind, boolean current, List<HighlightedText.Segment> text,
                          List<AttachmentView> attachments) {
    }

    /**
     * @param image         a stored raster image by its type or name, previewed through the authenticated blob endpoint
     * @param extractedText the text extraction found in a document, with its hits marked; empty if none
     */
    public record AttachmentView(String fileName, String mediaType, Long size, String sha256, String state, boolean image,
                                 List<HighlightedText.Segment> extractedText) {
    }

    /**
     * @param hits          the hits to mark, all of version {@code hitsRecordId}; empty for none
     * @param extractedText the text extracted from a blob, by its SHA-256
     */
    public static MessageCard of(StoredMessage message, boolean underReview, String hitsRecordId, List<Hit> hits,
                                 Function<String, Optional<String>> extractedText) {
        List<StoredRecord> versions = message.versions();
        List<Version> shown = versions.stream().map(version -> {
            MessageContent content = message.resolvedContentOf(version);
            List<Hit> versionHits = version.recordId().equals(hitsRecordId) ? hits : List.of();
            return new Version(version.versionNumber(), version.recordId(), timeOf(version), content.kind().wireName(),
                    version == versions.get(versions.size() - 1),
                    HighlightedText.of(content.text(), spans(versionHits, "body")),
                    content.attachments().stream().map(attachment -> attachment(attachment, versionHits, extractedText)).toList());
        }).toList();
        Optional<ArchivedMessage> original = message.original();
        return new MessageCard(message.messageId(), message.conversationId(), message.key().platform().wireName(),
                original.map(o -> o.direction().wireName()).orElse(null),
                original.map(o -> name(o.sender())).orElse(null),
                original.map(ArchivedMessage::sentAt).orElse(null),
                underReview, message.quarantined(),
                message.deletion().map(d -> d.deletedAt() != null ? d.deletedAt() : d.capturedAt()).orElse(null),
                shown);
    }

    public boolean deleted() {
        return deletedAt != null;
    }

    public boolean edited() {
        return versions.size() > 1;
    }

    private static AttachmentView attachment(Attachment attachment, List<Hit> hits, Function<String, Optional<String>> extractedText) {
        boolean stored = attachment.state() == Attachment.State.STORED;
        boolean image = stored && RasterImages.looksLikeOne(attachment.mediaType(), attachment.fileName());
        List<HighlightedText.Segment> text = stored && !image
                ? extractedText.apply(attachment.sha256()).map(t -> HighlightedText.of(t, spans(hits, "attachment:" + attachment.sha256())))
                .orElse(List.of())
                : List.of();
        return new AttachmentView(attachment.fileName(), attachment.mediaType(), attachment.size(), attachment.sha256(),
                attachment.state().wireName(), image, text);
    }

    private static List<HighlightedText.Span> spans(List<Hit> hits, String part) {
        return hits.stream().filter(hit -> part.equals(hit.part()))
                .map(hit -> new HighlightedText.Span(hit.start(), hit.end(), hit.policy().id() + " / " + hit.ruleId()))
                .toList();
    }

    private static Instant timeOf(StoredRecord version) {
        if (version.record() instanceof MessageEdit edit) {
            return edit.editedAt();
        }
        return ((ArchivedMessage) version.record()).sentAt();
    }

    private static String name(Participant participant) {
        if (participant == null) {
            return null;
        }
        return participant.displayName() == null || participant.displayName().isBlank() ? participant.platformId()
                : participant.displayName() + " (" + participant.platformId() + ")";
    }
}
