package org.imarchive.production.view;

import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stored message as every production format shows it. Built once per message; the original capture may be missing
 * (an edit or status arrived for a message the archive never saw), and then the view says so.
 *
 * @param sentAt     the platform's send time, or the first capture time when the original is missing
 * @param reaction   the emoji of a reaction message, {@code ""} when the reaction was removed, null otherwise
 * @param replyQuote what the answered message said, when it is among the recent messages of the conversation
 */
public record MessageView(
        StoredMessage stored,
        int sequence,
        boolean originalCaptured,
        Participant sender,
        List<Participant> recipients,
        Direction direction,
        Instant sentAt,
        MessageKind kind,
        List<VersionView> versions,
        Optional<Instant> deletedAt,
        String replyToPlatformMessageId,
        String replyQuote,
        String forwardNote,
        String reaction,
        List<AttachmentView> attachments,
        String location,
        List<String> details,
        List<DeliveryEvent> deliveries) {

    public static MessageView of(StoredMessage stored, int sequence, ReplyExcerpts excerpts, Timestamps times) {
        Optional<ArchivedMessage> original = stored.original();
        // sorted once: StoredMessage sorts its records again on every versions() call
        List<StoredRecord> versionRecords = stored.versions();
        List<VersionView> versions = versions(versionRecords, times);
        MessageContent current = versionRecords.isEmpty() ? null : stored.resolvedContentOf(versionRecords.get(versionRecords.size() - 1));
        Instant sentAt = original.map(ArchivedMessage::sentAt)
                .orElseGet(() -> stored.records().stream().map(r -> r.record().capturedAt()).min(Comparator.naturalOrder()).orElseThrow());
        String replyTo = original.map(ArchivedMessage::replyToPlatformMessageId).orElse(null);
        MessageKind kind = current == null ? MessageKind.UNSUPPORTED : current.kind();
        String reaction = null;
        if (kind == MessageKind.REACTION && current != null) {
            reaction = current.details().getOrDefault("reaction.emoji", "");
        }
        Optional<Instant> deletedAt = stored.deletion().map(d -> d.deletedAt() != null ? d.deletedAt() : d.capturedAt());
        List<DeliveryEvent> deliveries = stored.deliveries().stream()
                .sorted(Comparator.comparing((DeliveryEvent d) -> d.at() != null ? d.at() : d.capturedAt())).toList();
        return new MessageView(stored, sequence, original.isPresent(),
                original.map(ArchivedMessage::sender).orElse(null),
                original.map(ArchivedMessage::recipients).orElse(List.of()),
                original.map(ArchivedMessage::direction).orElse(null),
                sentAt, kind, versions, deletedAt, replyTo,
                replyTo == null ? null : excerpts.of(replyTo).orElse(null),
                original.map(ArchivedMessage::forward).map(f -> "Forwarded" + (f.originName() != null ? " from " + f.originName() : "")
                        + (f.frequentlyForwarded() ? " (forwarded many times)" : "")).orElse(null),
                reaction, attachments(versionRecords), current == null ? null : location(current),
                current == null ? List.of() : details(current), deliveries);
    }

    private static List<VersionView> versions(List<StoredRecord> records, Timestamps times) {
        List<VersionView> versions = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            StoredRecord record = records.get(i);
            Instant at = record.record() instanceof MessageEdit edit ? edit.editedAt() : ((ArchivedMessage) record.record()).sentAt();
            String label = records.size() == 1 ? "" : "Version " + (i + 1) + " of " + records.size()
                    + (record.record() instanceof MessageEdit ? ", edited " : ", original, sent ") + times.both(at);
            String text = StoredMessage.contentOf(record).text();
            versions.add(new VersionView(i + 1, at, label, text == null ? "" : text, record.recordId(), record.sha256()));
        }
        return versions;
    }

    private static List<AttachmentView> attachments(List<StoredRecord> versions) {
        // every version's attachments, once each: an edit usually repeats them, and a dropped one must still show
        Map<String, AttachmentView> unique = new LinkedHashMap<>();
        for (StoredRecord version : versions) {
            for (Attachment attachment : StoredMessage.contentOf(version).attachments()) {
                String key = attachment.sha256() != null ? attachment.sha256() : attachment.platformMediaId() + "|" + attachment.fileName();
                unique.putIfAbsent(key, AttachmentView.of(attachment));
            }
        }
        return List.copyOf(unique.values());
    }

    private static String location(MessageContent content) {
        if (content.location() == null) {
            return null;
        }
        var l = content.location();
        return String.format(Locale.ROOT, "%.6f, %.6f", l.latitude(), l.longitude())
                + (l.name() != null ? " " + l.name() : "") + (l.address() != null ? ", " + l.address() : "");
    }

    private static List<String> details(MessageContent content) {
        return content.details().entrySet().stream().filter(e -> !e.getKey().startsWith("reaction."))
                .map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    public String messageId() {
        return stored.messageId();
    }

    public String platformMessageId() {
        return stored.key().platformMessageId();
    }

    /** The text of the latest version, empty when there is none. */
    public String currentText() {
        return versions.isEmpty() ? "" : versions.get(versions.size() - 1).text();
    }

    public static String label(Participant participant) {
        if (participant == null) {
            return "unknown (original not captured)";
        }
        return participant.displayName() == null || participant.displayName().isBlank() ? participant.platformId()
                : participant.displayName() + " (" + participant.platformId() + ")";
    }

    public String senderLabel() {
        return label(sender);
    }

    public String directionLabel() {
        return direction == null ? "direction unknown" : direction.wireName();
    }

    /** The platform and the route the message came in by: {@code whatsapp via twilio}. */
    public String platformLabel() {
        return stored.key().platform().wireName() + stored.original().map(o -> " via " + o.channel().wireName()).orElse("");
    }

    /** One line per delivery status, oldest first. */
    public List<String> deliveryLines(Timestamps times) {
        return deliveries.stream().map(d -> d.status() + " " + times.utc(d.at() != null ? d.at() : d.capturedAt())
                + (d.errorCode() != null ? " error " + d.errorCode() + (d.errorMessage() != null ? " " + d.errorMessage() : "") : "")).toList();
    }

    public String deletionNote(Timestamps times) {
        return deletedAt.map(at -> "Deleted on the platform " + times.both(at) + ". The archive keeps every version shown above.").orElse(null);
    }

    /** Every archive record of the message with its type, for manifests and headers. */
    public List<String[]> records() {
        return stored.records().stream().map(r -> new String[]{r.recordId(), type(r.record()), r.sha256()}).toList();
    }

    private static String type(ArchiveRecord record) {
        if (record instanceof ArchivedMessage) {
            return "message";
        }
        if (record instanceof MessageEdit) {
            return "edit";
        }
        return record instanceof MessageDeletion ? "deletion" : "delivery";
    }
}
