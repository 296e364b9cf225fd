package org.imarchive.production.pdf;

import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.imarchive.production.BlobSource;
import org.imarchive.production.view.AttachmentView;
import org.imarchive.production.view.MessageView;
import org.imarchive.production.view.Timestamps;
import org.imarchive.production.view.VersionView;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The PDF transcript of one conversation, written as its messages arrive: a cover page (reserved first, so it carries
 * the first Bates number, and drawn last, when the counts are known), then each message in order. Page content beyond
 * a few megabytes goes to a scratch file, so a long conversation does not fill the heap.
 */
public final class Transcript implements Closeable {
    /** Page content kept in memory before it spills to a temporary file. */
    private static final long IN_MEMORY_CONTENT = 8L << 20;
    /** Images larger than this are listed with their hash, not drawn: decoding them would cost more heap than a page is worth. */
    private static final long LARGEST_DRAWN_IMAGE = 20L << 20;
    private static final float IMAGE_HEIGHT = 260f;

    private final PDDocument document;
    private final PageFlow flow;
    private final PDPage cover;
    private final Timestamps times;
    private final TranscriptHeader header;
    private final String conversationId;
    private final String conversationTitle;
    private final BlobSource blobs;
    private final Function<String, Optional<String>> extractedText;
    private final TreeSet<String> participants = new TreeSet<>();
    private int messages;
    private int edits;
    private int deletions;
    private int attachments;
    private Instant first;
    private Instant last;

    public Transcript(TranscriptFonts fonts, BatesCounter bates, Timestamps times, TranscriptHeader header,
                      String conversationId, String conversationTitle, BlobSource blobs, Function<String, Optional<String>> extractedText)
            throws IOException {
        this.document = new PDDocument(MemoryUsageSetting.setupMixed(IN_MEMORY_CONTENT).streamCache);
        this.times = times;
        this.header = header;
        this.conversationId = conversationId;
        this.conversationTitle = conversationTitle;
        this.blobs = blobs;
        this.extractedText = extractedText;
        this.flow = new PageFlow(document, fonts, new TextShaper(fonts), bates,
                "Matter: " + header.matter() + "  ·  Production " + header.productionId(),
                "Transcript of " + conversationTitle + "  ·  conversation " + conversationId);
        this.cover = flow.reservePage();
    }

    /** Adds one message; returns the Bates numbers of the pages it appears on. */
    public PageRange add(MessageView message) throws IOException {
        count(message);
        flow.need(TextStyle.HEADING.leading() + TextStyle.META.leading() * 2 + TextStyle.BODY.leading());
        String firstPage = flow.currentBates();
        flow.gap(4);
        flow.text("#" + message.sequence() + "  " + message.senderLabel() + "  ·  " + message.directionLabel()
                + "  ·  " + message.platformLabel(), TextStyle.HEADING);
        flow.text("Sent " + times.both(message.sentAt()) + "  ·  to "
                + (message.recipients().isEmpty() ? "the conversation" : String.join(", ", message.recipients().stream().map(MessageView::label).toList()))
                + "  ·  archive id " + message.messageId() + "  ·  platform id " + message.platformMessageId(), TextStyle.META);
        if (!message.originalCaptured()) {
            flow.text("The message as first sent was not captured; what follows is what the archive received about it.", TextStyle.NOTE);
        }
        if (message.forwardNote() != null) {
            flow.text(message.forwardNote(), TextStyle.META);
        }
        if (message.replyToPlatformMessageId() != null && message.reaction() == null) {
            flow.text("In reply to " + Optional.ofNullable(message.replyQuote()).orElse("message " + message.replyToPlatformMessageId()), TextStyle.QUOTE);
        }
        if (message.reaction() != null) {
            flow.text(message.reaction().isEmpty() ? "Removed a reaction" : "Reacted " + message.reaction(), TextStyle.BODY);
            if (message.replyToPlatformMessageId() != null) {
                flow.text("to " + Optional.ofNullable(message.replyQuote()).orElse("message " + message.replyToPlatformMessageId()), TextStyle.QUOTE);
            }
        }
        for (VersionView version : message.versions()) {
            if (!version.label().isEmpty()) {
                flow.text(version.label(), TextStyle.NOTE);
            }
            if (!version.text().isEmpty()) {
                flow.text(version.text(), TextStyle.BODY);
            }
        }
        if (message.location() != null) {
            flow.text("Location: " + message.location(), TextStyle.BODY);
        }
        for (String detail : message.details()) {
            flow.text(detail, TextStyle.META);
        }
        String deletion = message.deletionNote(times);
        if (deletion != null) {
            flow.text(deletion, TextStyle.NOTE);
        }
        for (AttachmentView attachment : message.attachments()) {
            attachment(attachment);
        }
        List<String> deliveries = message.deliveryLines(times);
        if (!deliveries.isEmpty()) {
            flow.text("Delivery: " + String.join("  ·  ", deliveries), TextStyle.META);
        }
        flow.rule();
        return new PageRange(firstPage, flow.currentBates());
    }

    private void attachment(AttachmentView attachment) throws IOException {
        flow.text("Attachment: " + attachment.describe(), TextStyle.META);
        if (attachment.drawableImage() && (attachment.size() == null || attachment.size() <= LARGEST_DRAWN_IMAGE)) {
            byte[] bytes;
            try (InputStream in = blobs.open(attachment.sha256())) {
                bytes = in.readNBytes((int) LARGEST_DRAWN_IMAGE + 1);
            }
            PDImageXObject image = bytes.length > LARGEST_DRAWN_IMAGE ? null : decode(bytes, attachment.fileName());
            if (image != null) {
                flow.image(image, TextStyle.BODY.indent(), IMAGE_HEIGHT);
            } else {
                flow.text("(image not drawn: it cannot be decoded or is too large; the native file is in the production)", TextStyle.META);
            }
        }
        if (attachment.stored()) {
            Optional<String> text = extractedText.apply(attachment.sha256());
            if (text.isPresent() && !text.get().isBlank()) {
                flow.text("Extracted text of " + attachment.fileName() + ":", TextStyle.NOTE);
                flow.text(text.get().strip(), TextStyle.QUOTE);
            }
        }
    }

    private PDImageXObject decode(byte[] bytes, String name) {
        try {
            return PDImageXObject.createFromByteArray(document, bytes, name);
        } catch (IOException | IllegalArgumentException e) {
            // a damaged or unsupported image is still listed with its hash; the transcript must not fail over it
            return null;
        }
    }

    private void count(MessageView message) {
        messages++;
        edits += Math.max(0, message.versions().size() - 1);
        deletions += message.deletedAt().isPresent() ? 1 : 0;
        attachments += message.attachments().size();
        if (message.sender() != null) {
            participants.add(MessageView.label(message.sender()));
        }
        message.recipients().forEach(r -> participants.add(MessageView.label(r)));
        first = first == null || message.sentAt().isBefore(first) ? message.sentAt() : first;
        last = last == null || message.sentAt().isAfter(last) ? message.sentAt() : last;
    }

    public int pages() {
        return flow.pages();
    }

    public int messages() {
        return messages;
    }

    /** Draws the cover, marks the document PDF/A-2b and writes it; the stream stays open. */
    public void writeTo(OutputStream out) throws IOException {
        flow.finish();
        drawCover();
        PdfA.mark(document, "Transcript of " + conversationTitle, header.createdAt(), header.productionId() + "|" + conversationId);
        document.save(out);
    }

    private void drawCover() throws IOException {
        TextShaper shaper = flow.shaper();
        float width = PageFlow.WIDTH * 1000f / TextStyle.COVER.size();
        List<TextLine> title = shaper.lines("Transcript of " + conversationTitle, TextStyle.TITLE.fonts(), PageFlow.WIDTH * 1000f / TextStyle.TITLE.size());
        flow.drawOn(cover, title, TextStyle.TITLE, 0);
        List<String> fields = new ArrayList<>(List.of(
                "Matter: " + header.matter(),
                "Requested by: " + header.requester(),
                "Selection: " + header.selection(),
                "Production: " + header.productionId() + ", made " + times.both(header.createdAt()),
                "Conversation: " + conversationId,
                "Participants: " + String.join("; ", participants),
                "Messages: " + messages + "  ·  edits: " + edits + "  ·  deleted on the platform: " + deletions + "  ·  attachments: " + attachments,
                "First message: " + (first == null ? "none" : times.both(first)),
                "Last message: " + (last == null ? "none" : times.both(last)),
                "Times are shown in UTC and in the firm's time zone, " + times.firmZone().getId() + ".",
                "Pages: " + flow.pages() + " including this cover.",
                "",
                "Integrity: every file of this production, this PDF included, is listed with its SHA-256 in manifest.json, "
                        + "and every file with manifest.json in SHA256SUMS. The SHA-256 of manifest.json is entered in the "
                        + "archive's hash-chained ledger. A PDF cannot contain the hash of the production that holds it, so "
                        + "that hash is in the manifest and the ledger, not here."));
        List<TextLine> lines = new ArrayList<>();
        for (String field : fields) {
            lines.addAll(shaper.lines(field, TextStyle.COVER.fonts(), width));
        }
        flow.drawOn(cover, lines, TextStyle.COVER, TextStyle.TITLE.leading() * 2);
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
