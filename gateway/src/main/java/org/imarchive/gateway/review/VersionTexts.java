package org.imarchive.gateway.review;

import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;
import org.imarchive.supervision.lexicon.SupervisedMessage;
import org.imarchive.supervision.lexicon.TextPart;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the lexicon engine reads of one version: its text, and the text extracted from each of its attachments that
 * has some by now. Attachments are taken as resolved ({@link StoredMessage#resolvedContentOf}), since media fetched
 * after the message carries the hash its text is kept under; an attachment without text yet is simply not there.
 */
final class VersionTexts {
    private final AttachmentTexts attachmentTexts;

    VersionTexts(AttachmentTexts attachmentTexts) {
        this.attachmentTexts = attachmentTexts;
    }

    SupervisedMessage of(StoredMessage message, ArchivedMessage original, StoredRecord version, Set<String> groups) {
        MessageContent content = message.resolvedContentOf(version);
        List<TextPart> parts = new ArrayList<>();
        if (content.text() != null && !content.text().isEmpty()) {
            parts.add(TextPart.body(content.text()));
        }
        for (Attachment attachment : content.attachments()) {
            if (attachment.sha256() != null) {
                attachmentTexts.textOf(attachment.sha256()).ifPresent(text -> parts.add(TextPart.attachment(attachment, text)));
            }
        }
        return new SupervisedMessage(version.recordId(), original.direction(), original.platform(), groups, parts);
    }
}
