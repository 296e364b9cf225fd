package org.imarchive.production.eml;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.imarchive.archive.model.Platform;
import org.imarchive.production.BlobSource;
import org.imarchive.production.pdf.PageRange;
import org.imarchive.production.view.AttachmentView;
import org.imarchive.production.view.MessageView;
import org.imarchive.production.view.Timestamps;
import org.imarchive.production.view.VersionView;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Writes one archived message as an {@code .eml} file; attachments stream from the archive as the file is written. */
public final class EmlWriter {
    public static final String HEADER_PREFIX = "X-IMArchive-";
    private static final int SUBJECT_WORDS = 60;

    private final Session session = Session.getInstance(new Properties());
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
        try {
            MimeMessage mime = new FixedIdMessage(session, "<" + message.messageId() + "@imarchive.invalid>");
            Platform platform = message.stored().key().platform();
            mime.setHeader("From", message.sender() != null ? MailAddresses.mailbox(message.sender(), platform)
                    : HeaderText.mailbox(null, MailAddresses.address("unknown", platform)));
            List<String> to = message.recipients().stream().map(r -> MailAddresses.mailbox(r, platform)).toList();
            mime.setHeader("To", to.isEmpty() ? HeaderText.mailbox(null, MailAddresses.address(message.stored().conversationId(), platform))
                    : String.join(",\r\n ", to));
            mime.setSentDate(Date.from(message.sentAt()));
            mime.setHeader("Subject", HeaderText.encode(subject(message, conversationTitle)));
            headers(mime, message, pages);

            MimeMultipart parts = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(body(message), "UTF-8", "plain");
            body.setHeader("Content-Transfer-Encoding", "quoted-printable");
            parts.addBodyPart(body);
            for (AttachmentView attachment : message.attachments()) {
                if (attachment.stored()) {
                    parts.addBodyPart(attachmentPart(attachment));
                }
            }
            mime.setContent(parts);
            mime.saveChanges();
            mime.writeTo(out);
        } catch (MessagingException e) {
            throw new IOException("cannot write message " + message.messageId() + " as EML", e);
        }
    }

    private void headers(MimeMessage mime, MessageView message, PageRange pages) throws MessagingException {
        var key = message.stored().key();
        mime.setHeader(HEADER_PREFIX + "Production-Id", productionId);
        mime.setHeader(HEADER_PREFIX + "Message-Id", message.messageId());
        mime.setHeader(HEADER_PREFIX + "Platform", key.platform().wireName());
        message.stored().original().ifPresent(o -> setQuietly(mime, "Channel", o.channel().wireName()));
        mime.setHeader(HEADER_PREFIX + "Account", HeaderText.encode(key.accountId()));
        mime.setHeader(HEADER_PREFIX + "Platform-Message-Id", HeaderText.encode(key.platformMessageId()));
        mime.setHeader(HEADER_PREFIX + "Conversation-Id", message.stored().conversationId());
        message.stored().original().ifPresent(o -> setQuietly(mime, "Platform-Conversation-Id", HeaderText.encode(o.platformConversationId())));
        mime.setHeader(HEADER_PREFIX + "Direction", message.directionLabel());
        mime.setHeader(HEADER_PREFIX + "Kind", message.kind().wireName());
        mime.setHeader(HEADER_PREFIX + "Versions", Integer.toString(message.versions().size()));
        if (message.replyToPlatformMessageId() != null) {
            mime.setHeader(HEADER_PREFIX + "Reply-To-Platform-Message-Id", HeaderText.encode(message.replyToPlatformMessageId()));
        }
        message.deletedAt().ifPresent(at -> setQuietly(mime, "Deleted-At", at.toString()));
        if (pages != null) {
            mime.setHeader(HEADER_PREFIX + "Bates", pages.first() + "-" + pages.last());
        }
        for (String[] record : message.records()) {
            // one header per record: "<record id> <type> <sha256>", the values the ledger and manifest name
            mime.addHeader(HEADER_PREFIX + "Record", record[0] + " " + record[1] + " " + record[2]);
        }
    }

    private static void setQuietly(MimeMessage mime, String name, String value) {
        try {
            mime.setHeader(HEADER_PREFIX + name, value);
        } catch (MessagingException e) {
            throw new IllegalStateException("a new message accepts headers", e);
        }
    }

    private MimeBodyPart attachmentPart(AttachmentView attachment) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new BlobDataSource(blobs, attachment.sha256(), attachment.mediaType(), attachment.fileName())));
        part.setFileName(attachment.fileName());
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        // set, so Jakarta Mail does not read the whole blob once more to choose an encoding
        part.setHeader("Content-Transfer-Encoding", "base64");
        part.setHeader(HEADER_PREFIX + "Sha256", attachment.sha256());
        return part;
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

    /** A message whose Message-ID is the archive's id, not a fresh one from the host name and the clock. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
