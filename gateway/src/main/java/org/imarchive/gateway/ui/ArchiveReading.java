package org.imarchive.gateway.ui;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.BlobStore;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.search.Visibility;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import java.io.InputStream;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reading messages and their files from the pages, with the API's visibility rule: a caller restricted to some
 * relationship managers (a supervisor, a reviewer) gets "not found" for anyone else's message, and every read,
 * refused ones too, goes on the audit trail.
 */
@Service
public class ArchiveReading {
    static final int CONTEXT = 10;

    private final ArchiveStore store;
    private final BlobStore blobs;
    private final AttachmentTexts texts;
    private final AccountRegister accounts;
    private final Visibility visibility;
    private final AuditLog audit;

    public ArchiveReading(ArchiveStore store, BlobStore blobs, AttachmentTexts texts, AccountRegister accounts, Visibility visibility,
                          AuditLog audit) {
        this.store = store;
        this.blobs = blobs;
        this.texts = texts;
        this.accounts = accounts;
        this.visibility = visibility;
        this.audit = audit;
    }

    /** A file of a message, as the page shows or downloads it. */
    public record Blob(Attachment attachment, InputStream content) {
    }

    /** The message with up to {@link #CONTEXT} messages either side in its conversation, each as a card. */
    public List<MessageCard> conversationAround(Authentication caller, String messageId, String remoteAddress) {
        visibleMessage(caller, messageId, "conversation.view", remoteAddress);
        List<MessageCard> cards = store.conversationAround(messageId, CONTEXT, CONTEXT).stream()
                .map(message -> MessageCard.of(message, message.messageId().equals(messageId), null, List.of(), texts::textOf))
                .toList();
        audit.record(new AuditEvent(caller.getName(), "conversation.view", messageId, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "around=" + messageId + " size=" + cards.size() + " web"));
        return cards;
    }

    /** An attachment of a message the caller may see, by its content hash; audited as {@code blob.view}. */
    public Blob attachment(Authentication caller, String messageId, String sha256, String remoteAddress) {
        StoredMessage message = visibleMessage(caller, messageId, "blob.view", remoteAddress);
        Optional<Attachment> attachment = message.versions().stream()
                .flatMap(version -> message.resolvedContentOf(version).attachments().stream())
                .filter(a -> a.state() == Attachment.State.STORED && sha256.equals(a.sha256()))
                .findFirst();
        Optional<InputStream> content = attachment.flatMap(a -> blobs.open(sha256));
        if (content.isEmpty()) {
            audit.record(new AuditEvent(caller.getName(), "blob.view", sha256, AuditEvent.Outcome.FAILED, remoteAddress,
                    "message=" + messageId + ": no such stored attachment"));
            throw new NoSuchElementException("attachment " + sha256 + " of message " + messageId + " not found");
        }
        audit.record(new AuditEvent(caller.getName(), "blob.view", sha256, AuditEvent.Outcome.SUCCESS, remoteAddress, "message=" + messageId));
        return new Blob(attachment.get(), content.get());
    }

    /** The text extracted from a blob, for the cards of a review item. */
    public Optional<String> extractedText(String sha256) {
        return texts.textOf(sha256);
    }

    private StoredMessage visibleMessage(Authentication caller, String messageId, String action, String remoteAddress) {
        Optional<StoredMessage> message = store.message(messageId);
        boolean visible = message.isPresent()
                && visibility.maySee(caller, accounts.ownerOf(message.get().key().account()).orElse(null));
        if (!visible) {
            audit.record(new AuditEvent(caller.getName(), action, messageId, AuditEvent.Outcome.REFUSED, remoteAddress,
                    message.isEmpty() ? "no such message" : "not in the caller's supervision groups"));
            throw new NoSuchElementException("message " + messageId + " not found");
        }
        return message.get();
    }
}
