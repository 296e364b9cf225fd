package org.imarchive.archive.search;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the index holds of one message version. Each version of a message is its own document: the latest has
 * {@code current = true}, earlier ones stay findable with {@code current = false}.
 *
 * @param id             the version's own id (our UUID), unique in the index
 * @param messageId      the message this is a version of
 * @param platform       {@code whatsapp} or {@code telegram}
 * @param channel        the route the message came by (Twilio, Meta's Cloud API, Bot API, an import)
 * @param rm             user name of the relationship manager who owns the account
 * @param direction      {@code inbound} or {@code outbound}
 * @param attachmentText text extracted from the attachments
 */
public record SearchDocument(
        String id,
        String messageId,
        String versionId,
        int versionNumber,
        boolean current,
        String platform,
        String channel,
        String accountId,
        String rm,
        String conversationId,
        String direction,
        Participant sender,
        List<Participant> participants,
        Instant sentAt,
        Instant capturedAt,
        String text,
        String attachmentText,
        List<String> attachmentNames,
        boolean flagged,
        String retentionClass,
        boolean deleted) {

    /** A person in a conversation, as the platform names them. Either part may be empty, not both. */
    public record Participant(String platformId, String displayName) {
        public Participant {
            platformId = Objects.requireNonNullElse(platformId, "");
            displayName = Objects.requireNonNullElse(displayName, "");
        }
    }

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sentAt, "sentAt");
        versionId = Objects.requireNonNullElse(versionId, id);
        platform = Objects.requireNonNullElse(platform, "");
        channel = Objects.requireNonNullElse(channel, "");
        accountId = Objects.requireNonNullElse(accountId, "");
        rm = Objects.requireNonNullElse(rm, "");
        conversationId = Objects.requireNonNullElse(conversationId, "");
        direction = Objects.requireNonNullElse(direction, "");
        sender = Objects.requireNonNullElse(sender, new Participant("", ""));
        participants = List.copyOf(Objects.requireNonNullElse(participants, List.of()));
        capturedAt = Objects.requireNonNullElse(capturedAt, sentAt);
        text = Objects.requireNonNullElse(text, "");
        attachmentText = Objects.requireNonNullElse(attachmentText, "");
        attachmentNames = List.copyOf(Objects.requireNonNullElse(attachmentNames, List.of()));
        retentionClass = Objects.requireNonNullElse(retentionClass, "");
    }

    public static Builder builder(String id, String messageId, Instant sentAt) {
        return new Builder(id, messageId, sentAt);
    }

    /** Starts a builder with every field of this document, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(id, messageId, sentAt).versionId(versionId).versionNumber(versionNumber).current(current)
                .platform(platform).channel(channel).accountId(accountId).rm(rm).conversationId(conversationId)
                .direction(direction).sender(sender).participants(participants).capturedAt(capturedAt).text(text)
                .attachmentText(attachmentText).attachmentNames(attachmentNames).flagged(flagged)
                .retentionClass(retentionClass).deleted(deleted);
    }

    /** Builds a document; fields left unset are empty, {@code current} is true and {@code versionNumber} is 1. */
    public static final class Builder {
        private final String id;
        private final String messageId;
        private Instant sentAt;
        private String versionId;
        private int versionNumber = 1;
        private boolean current = true;
        private String platform;
        private String channel;
        private String accountId;
        private String rm;
        private String conversationId;
        private String direction;
        private Participant sender;
        private List<Participant> participants;
        private Instant capturedAt;
        private String text;
        private String attachmentText;
        private List<String> attachmentNames;
        private boolean flagged;
        private String retentionClass;
        private boolean deleted;

        private Builder(String id, String messageId, Instant sentAt) {
            this.id = id;
            this.messageId = messageId;
            this.sentAt = sentAt;
        }

        public Builder sentAt(Instant value) { sentAt = value; return this; }
        public Builder versionId(String value) { versionId = value; return this; }
        public Builder versionNumber(int value) { versionNumber = value; return this; }
        public Builder current(boolean value) { current = value; return this; }
        public Builder platform(String value) { platform = value; return this; }
        public Builder channel(String value) { channel = value; return this; }
        public Builder accountId(String value) { accountId = value; return this; }
        public Builder rm(String value) { rm = value; return this; }
        public Builder conversationId(String value) { conversationId = value; return this; }
        public Builder direction(String value) { direction = value; return this; }
        public Builder sender(Participant value) { sender = value; return this; }
        public Builder sender(String platformId, String displayName) { return sender(new Participant(platformId, displayName)); }
        public Builder participants(List<Participant> value) { participants = value; return this; }
        public Builder capturedAt(Instant value) { capturedAt = value; return this; }
        public Builder text(String value) { text = value; return this; }
        public Builder attachmentText(String value) { attachmentText = value; return this; }
        public Builder attachmentNames(List<String> value) { attachmentNames = value; return this; }
        public Builder flagged(boolean value) { flagged = value; return this; }
        public Builder retentionClass(String value) { retentionClass = value; return this; }
        public Builder deleted(boolean value) { deleted = value; return this; }

        public SearchDocument build() {
            return new SearchDocument(id, messageId, versionId, versionNumber, current, platform, channel, accountId, rm,
                    conversationId, direction, sender, participants, sentAt, capturedAt, text, attachmentText,
                    attachmentNames, flagged, retentionClass, deleted);
        }
    }
}
