package org.imarchive.archive.store;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.MediaRetrieved;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKey;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A message with every record the archive holds about it: the original capture, each edit, the deletion if any, and
 * the delivery events. The original may be missing when an edit, deletion or status arrived for a message the archive
 * never captured; such a message is shown for what is known.
 */
public record StoredMessage(String messageId, MessageKey key, String conversationId, boolean quarantined, List<StoredRecord> records) {

    public StoredMessage {
        records = List.copyOf(records);
    }

    public Optional<ArchivedMessage> original() {
        return records.stream().map(StoredRecord::record).filter(ArchivedMessage.class::isInstance)
                .map(ArchivedMessage.class::cast).findFirst();
    }

    /** Every version of the content, oldest first: the original (when captured), then each edit. */
    public List<StoredRecord> versions() {
        return records.stream().filter(r -> r.versionNumber() != null)
                .sorted(Comparator.comparing(StoredRecord::versionNumber)).toList();
    }

    public Optional<MessageContent> currentContent() {
        List<StoredRecord> versions = versions();
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resolvedContentOf(versions.get(versions.size() - 1)));
    }

    public static MessageContent contentOf(StoredRecord version) {
        if (version.record() instanceof ArchivedMessage message) {
            return message.content();
        }
        if (version.record() instanceof MessageEdit edit) {
            return edit.content();
        }
        throw new IllegalArgumentException("a version is a message or an edit, not " + version.record().getClass().getSimpleName());
    }

    public Optional<MessageDeletion> deletion() {
        return records.stream().map(StoredRecord::record).filter(MessageDeletion.class::isInstance)
                .map(MessageDeletion.class::cast).findFirst();
    }

    /**
     * The content of a version with its attachments as far as they are now retrieved: a pending attachment whose
     * content was fetched later is shown stored, with the fetched blob's hash.
     */
    public MessageContent resolvedContentOf(StoredRecord version) {
        MessageContent content = contentOf(version);
        java.util.Map<String, MediaRetrieved> retrieved = new java.util.HashMap<>();
        records.stream().map(StoredRecord::record).filter(MediaRetrieved.class::isInstance).map(MediaRetrieved.class::cast)
                .forEach(media -> retrieved.put(media.platformMediaId(), media));
        if (retrieved.isEmpty()) {
            return content;
        }
        return content.withAttachments(content.attachments().stream().map(attachment -> {
            MediaRetrieved media = attachment.platformMediaId() == null ? null : retrieved.get(attachment.platformMediaId());
            return media == null || attachment.state() == Attachment.State.STORED ? attachment : attachment.stored(media.sha256(), media.size());
        }).toList());
    }

    public List<MediaRetrieved> retrievedMedia() {
        return records.stream().map(StoredRecord::record).filter(MediaRetrieved.class::isInstance)
                .map(MediaRetrieved.class::cast).toList();
    }

    public List<DeliveryEvent> deliveries() {
        return records.stream().map(StoredRecord::record).filter(DeliveryEvent.class::isInstance)
                .map(DeliveryEvent.class::cast).toList();
    }
}
