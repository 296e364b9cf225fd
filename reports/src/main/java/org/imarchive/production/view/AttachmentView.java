package org.imarchive.production.view;

import org.imarchive.archive.model.Attachment;

import java.util.Locale;

/** An attachment as listed in a production: its name, type, size, state and SHA-256, and whether it is an image. */
public record AttachmentView(String fileName, String mediaType, Long size, String sha256, Attachment.State state) {

    public static AttachmentView of(Attachment attachment) {
        String name = attachment.fileName() != null && !attachment.fileName().isBlank() ? attachment.fileName()
                : attachment.sha256() != null ? attachment.sha256() : attachment.platformMediaId();
        String type = attachment.mediaType() == null ? "application/octet-stream" : attachment.mediaType();
        return new AttachmentView(name == null ? "attachment" : name, type, attachment.size(), attachment.sha256(), attachment.state());
    }

    public boolean stored() {
        return state == Attachment.State.STORED;
    }

    /** Images PDFBox can embed as they are: PNG, JPEG, GIF, BMP. */
    public boolean drawableImage() {
        String type = mediaType.toLowerCase(Locale.ROOT);
        return stored() && (type.equals("image/png") || type.equals("image/jpeg") || type.equals("image/jpg")
                || type.equals("image/gif") || type.equals("image/bmp"));
    }

    /** {@code photo.png (image/png, 2,345 bytes) SHA-256 ab12...}, or why the bytes are not in the archive. */
    public String describe() {
        String sizeText = size == null ? "size unknown" : String.format(Locale.ROOT, "%,d bytes", size);
        String content = stored() ? "SHA-256 " + sha256 : "not in the archive (" + state.wireName() + ")";
        return fileName + " (" + mediaType + ", " + sizeText + ") " + content;
    }
}
