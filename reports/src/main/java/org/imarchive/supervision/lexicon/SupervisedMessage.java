package org.imarchive.supervision.lexicon;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the engine needs of one version of a message: its texts and what decides which policies apply.
 *
 * @param recordId the archive record scanned: the message as first captured, or an edit (each version is supervised)
 * @param groups   the supervision groups of the firm's user in the conversation
 */
public record SupervisedMessage(String recordId, Direction direction, Platform platform, Set<String> groups, List<TextPart> parts) {

    public SupervisedMessage {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(platform, "platform");
        groups = Set.copyOf(groups);
        parts = List.copyOf(parts);
    }

    /**
     * @param extractedTextBySha256 the text extracted from stored attachments (by their SHA-256); attachments without
     *                              an entry (images, pending downloads) have no text to scan
     */
    public static SupervisedMessage of(ArchivedMessage message, Set<String> groups, Map<String, String> extractedTextBySha256) {
        return new SupervisedMessage(message.id(), message.direction(), message.platform(), groups,
                partsOf(message.content(), extractedTextBySha256));
    }

    /** An edited version, scanned in full: the edit may add what the first version did not say. */
    public static SupervisedMessage ofEdit(ArchivedMessage original, MessageEdit edit, Set<String> groups,
                                           Map<String, String> extractedTextBySha256) {
        if (!edit.messageKey().equals(original.messageKey())) {
            throw new IllegalArgumentException("edit " + edit.id() + " is not of message " + original.id());
        }
        return new SupervisedMessage(edit.id(), original.direction(), original.platform(), groups,
                partsOf(edit.content(), extractedTextBySha256));
    }

    private static List<TextPart> partsOf(MessageContent content, Map<String, String> extractedTextBySha256) {
        List<TextPart> parts = new ArrayList<>();
        if (content.text() != null && !content.text().isEmpty()) {
            parts.add(TextPart.body(content.text()));
        }
        for (Attachment attachment : content.attachments()) {
            String text = attachment.sha256() == null ? null : extractedTextBySha256.get(attachment.sha256());
            if (text != null && !text.isEmpty()) {
                parts.add(TextPart.attachment(attachment, text));
            }
        }
        return parts;
    }
}
