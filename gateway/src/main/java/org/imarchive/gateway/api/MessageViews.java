package org.imarchive.gateway.api;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shape of a message for the API: the public field names of the contract, and every version. */
public final class MessageViews {
    private MessageViews() {
    }

    public static Map<String, Object> full(StoredMessage message) {
        Map<String, Object> view = summary(message);
        view.put("versions", message.versions().stream().map(version -> version(message, version)).toList());
        view.put("deliveries", message.deliveries().stream().map(MessageViews::delivery).toList());
        view.put("records", message.records().stream().map(r -> Map.of(
                "recordId", r.recordId(), "type", typeOf(r), "sha256", r.sha256())).toList());
        return view;
    }

    public static Map<String, Object> summary(StoredMessage message) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", message.messageId());
        view.put("platform", message.key().platform().wireName());
        view.put("accountId", message.key().accountId());
        view.put("platformMessageId", message.key().platformMessageId());
        view.put("conversationId", message.conversationId());
        message.original().ifPresent(original -> {
            view.put("channel", original.channel().wireName());
            view.put("direction", original.direction().wireName());
            view.put("sender", original.sender());
            view.put("recipients", original.recipients());
            view.put("sentAt", original.sentAt());
            view.put("capturedAt", original.capturedAt());
            view.put("platformConversationId", original.platformConversationId());
            view.put("replyToPlatformMessageId", original.replyToPlatformMessageId());
            view.put("forward", original.forward());
            view.put("provenance", original.provenance());
        });
        view.put("originalCaptured", message.original().isPresent());
        message.currentContent().ifPresent(content -> {
            view.put("kind", content.kind().wireName());
            view.put("text", content.text());
            view.put("attachments", content.attachments().stream().map(MessageViews::attachment).toList());
        });
        view.put("edited", message.versions().size() > 1);
        view.put("deleted", message.deletion().isPresent());
        message.deletion().ifPresent(d -> view.put("deletedAt", d.deletedAt() != null ? d.deletedAt() : d.capturedAt()));
        view.put("quarantined", message.quarantined());
        view.values().removeIf(java.util.Objects::isNull);
        return view;
    }

    private static Map<String, Object> version(StoredMessage message, StoredRecord version) {
        MessageContent content = message.resolvedContentOf(version);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("number", version.versionNumber());
        view.put("recordId", version.recordId());
        view.put("sha256", version.sha256());
        view.put("at", versionTime(version));
        view.put("kind", content.kind().wireName());
        view.put("text", content.text());
        view.put("attachments", content.attachments().stream().map(MessageViews::attachment).toList());
        if (content.location() != null) {
            view.put("location", content.location());
        }
        if (!content.details().isEmpty()) {
            view.put("details", content.details());
        }
        view.values().removeIf(java.util.Objects::isNull);
        return view;
    }

    private static Instant versionTime(StoredRecord version) {
        if (version.record() instanceof MessageEdit edit) {
            return edit.editedAt();
        }
        return ((ArchivedMessage) version.record()).sentAt();
    }

    private static Map<String, Object> attachment(Attachment attachment) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("fileName", attachment.fileName());
        view.put("mediaType", attachment.mediaType());
        view.put("size", attachment.size());
        view.put("sha256", attachment.sha256());
        view.put("state", attachment.state().wireName());
        view.values().removeIf(java.util.Objects::isNull);
        return view;
    }

    private static Map<String, Object> delivery(DeliveryEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("status", event.status());
        view.put("at", event.at() != null ? event.at() : event.capturedAt());
        view.put("errorCode", event.errorCode());
        view.put("errorMessage", event.errorMessage());
        view.values().removeIf(java.util.Objects::isNull);
        return view;
    }

    private static String typeOf(StoredRecord record) {
        return record.record().getClass().getSimpleName()
                .replace("ArchivedMessage", "message").replace("MessageEdit", "edit")
                .replace("MessageDeletion", "deletion").replace("DeliveryEvent", "delivery").replace("MediaRetrieved", "media");
    }

    public static List<Map<String, Object>> summaries(List<StoredMessage> messages) {
        return messages.stream().map(MessageViews::summary).toList();
    }
}
