package org.imarchive.production.eml;

import org.imarchive.archive.model.Platform;
import org.imarchive.archive.support.Sha256;
import org.imarchive.production.BlobSource;
import org.imarchive.production.pdf.PageRange;
import org.imarchive.production.view.AttachmentView;
import org.imarchive.production.view.MessageView;
import org.imarchive.production.view.Timestamps;
import org.imarchive.production.view.VersionView;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes one archived message as an {@code .eml} file; attachments stream from the archive as the file is written. */
public final class EmlWriter {
    public static final String HEADER_PREFIX = "X-IMArchive-";
    private static final int SUBJECT_WORDS = 60;

    private final BlobSource blobs;
    private final Timestamps times;
    private final String productionId;

    public EmlWriter(BlobSource blobs, Timestamps times, String productionId) {
        this.blobs = blobs;
        this.times = times;
        this.productionId = productionId;
    }

    /** @param pages the Bates range of the message in the PDF transcript, or null when the production has no PDF */
    public void write(MessageView message, String conversationTitle, PageRange pages, OutputStream out) throws IOException {
        MimeWriter mime = new MimeWriter(out, "=_imarchive_" + Sha256.hex(message.messageId().getBytes(StandardCharsets.UTF_8)).substring(0, 24));
        Platform platform = message.stored().key().platform();
        mime.header("Message-ID", "<" + message.messageId() + "@imarchive.invalid>");
        mime.header("Date", MimeWriter.date(message.sentAt()));
        mime.header("From", message.sender() != null ? MailAddresses.mailbox(message.sender(), platform)
                : HeaderText.mailbox(null, MailAddresses.address("unknown", platform)));
        List<String> to = message.recipients().stream().map(r -> MailAddresses.mailbox(r, platform)).toList();
        mime.header("To", to.isEmpty() ? HeaderText.mailbox(null, MailAddresses.address(message.stored().conversationId(), platform))
                : String.join(",\n", to));
        mime.header("Subject", HeaderText.encode(subject(message, conversationTitle)));
        headers(mime, message, pages);
        mime.startBody();
        mime.textPart(body(message));
        for (AttachmentView attachment : message.attachments()) {
            if (attachment.stored()) {
                try (InputStream in = blobs.open(attachment.sha256())) {
                    mime.attachmentPart(attachment.mediaType(), attachment.fileName(), in, HEADER_PREFIX + "Sha256: " + attachment.sha256());
                }
            }
        }
        mime.end();
    }

    private void headers(MimeWriter mime, MessageView message, PageRange pages) throws IOException {
        var key = message.stored().key();
        var original = message.stored().original();
        mime.header(HEADER_PREFIX + "Production-Id", productionId);
        mime.header(HEADER_PREFIX + "Message-Id", message.messageId());
        mime.header(HEADER_PREFIX + "Platform", key.platform().wireName());
        if (original.isPresent()) {
            mime.header(HEADER_PREFIX + "Channel", original.get().channel().wireName());
        }
        mime.header(HEADER_PREFIX + "Account", HeaderText.encode(key.accountId()));
        mime.header(HEADER_PREFIX + "Platform-Message-Id", HeaderText.encode(key.platformMessageId()));
        mime.header(HEADER_PREFIX + "Conversation-Id", message.stored().conversationId());
        if (original.isPresent()) {
            mime.header(HEADER_PREFIX + "Platform-Conversation-Id", HeaderText.encode(original.get().platformConversationId()));
        }
        mime.header(HEADER_PREFIX + "Direction", message.directionLabel());
        mime.header(HEADER_PREFIX + "Kind", message.kind().wireName());
        mime.header(HEADER_PREFIX + "Versions", Integer.toString(message.versions().size()));
        if (message.replyToPlatformMessageId() != null) {
            mime.header(HEADER_PREFIX + "Reply-To-Platform-Message-Id", HeaderText.encode(message.replyToPlatformMessageId()));
        }
        if (message.deletedAt().isPresent()) {
            mime.header(HEADER_PREFIX + "Deleted-At", message.deletedAt().get().toString());
        }
        if (pages != null) {
            mime.header(HEADER_PREFIX + "Bates", pages.first() + "-" + pages.last());
        }
        for (String[] record : message.records()) {
            // one header per record: "<record id> <type> <sha256>", the values the ledger and manifest name
            mime.header(HEADER_PREFIX + "Record", record[0] + " " + record[1] + " " + record[2]);
        }
    }

    private String body(MessageView message) {
        StringBuilder text = new StringBuilder();
        text.append(message.senderLabel()).append(" (").append(message.directionLabel()).append(", ").append(message.platformLabel())
                .append(")\nSent ").append(times.both(message.sentAt())).append("\n");
        if (!message.originalCaptured()) {
            text.append("The message as first sent was not captured.\n");
        }
        if (message.forwardNote() != null) {
            text.append(message.forwardNote()).append("\n");
        }
        if (message.replyToPlatformMessageId() != null) {
            text.append(message.reaction() != null ? "Reaction to: " : "In reply to: ")
                    .append(message.replyQuote() != null ? message.replyQuote() : message.replyToPlatformMessageId()).append("\n");
        }
        if (message.reaction() != null) {
            text.append(message.reaction().isEmpty() ? "Removed a reaction" : "Reacted " + message.reaction()).append("\n");
        }
        text.append("\n");
        for (VersionView version : message.versions()) {
            if (!version.label().isEmpty()) {
                text.append("--- ").append(version.label()).append(" ---\n");
            }
            text.append(version.text()).append("\n");
        }
        if (message.location() != null) {
            text.append("Location: ").append(message.location()).append("\n");
        }
        message.details().forEach(d -> text.append(d).append("\n"));
        String deletion = message.deletionNote(times);
        if (deletion != null) {
            text.append("\n").append(deletion).append("\n");
        }
        for (AttachmentView attachment : message.attachments()) {
            text.append("Attachment: ").append(attachment.describe()).append("\n");
        }
        List<String> deliveries = message.deliveryLines(times);
        if (!deliveries.isEmpty()) {
            text.append("Delivery: ").append(String.join("; ", deliveries)).append("\n");
        }
        return text.toString();
    }

    private static String subject(MessageView message, String conversationTitle) {
        String words = message.currentText().strip().replaceAll("\\s+", " ");
        if (words.length() > SUBJECT_WORDS) {
            int cut = Character.isLowSurrogate(words.charAt(SUBJECT_WORDS)) ? SUBJECT_WORDS - 1 : SUBJECT_WORDS;
            words = words.substring(0, cut) + "…";
        }
        if (words.isEmpty()) {
            words = message.reaction() != null ? "reaction " + message.reaction() : message.kind().wireName();
        }
        return "[" + message.stored().key().platform().wireName() + "] " + conversationTitle + ": " + words;
    }
}
