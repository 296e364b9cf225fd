package org.imarchive.supervision.lexicon;

import org.imarchive.archive.model.Attachment;

import java.util.Objects;

/**
 * One text of a message that is scanned on its own: the body (or caption), or the text extracted from an attachment.
 *
 * @param name how hits refer to this part: {@code body}, or {@code attachment:} and the attachment's SHA-256
 */
public record TextPart(String name, String text) {

    public static final String BODY = "body";

    public TextPart {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(text, "text");
    }

    public static TextPart body(String text) {
        return new TextPart(BODY, text);
    }

    /** Text extracted from a stored attachment, named by its content hash, which is what the archive keeps it under. */
    public static TextPart attachment(Attachment attachment, String extractedText) {
        if (attachment.sha256() == null) {
            throw new IllegalArgumentException("text can only be extracted from a stored attachment");
        }
        return new TextPart("attachment:" + attachment.sha256(), extractedText);
    }
}
