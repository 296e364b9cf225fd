package org.imarchive.archive.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A message as first captured: its identity on the platform, who wrote it to whom, when the platform says it was
 * sent and when we captured it, and its first version of content. Later edits and deletion are separate records.
 *
 * @param platformConversationId the platform's id of the chat (customer number, Telegram chat id), verbatim
 * @param replyToPlatformMessageId the platform id of the message this one answers, if any
 */
public record ArchivedMessage(
        String id,
        MessageKey messageKey,
        Channel channel,
        String platformConversationId,
        Direction direction,
        Participant sender,
        List<Participant> recipients,
        Instant sentAt,
        Instant capturedAt,
        MessageContent content,
        String replyToPlatformMessageId,
        Forward forward,
        Provenance provenance) implements ArchiveRecord {

    public ArchivedMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(platformConversationId, "platformConversationId");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(provenance, "provenance");
        if (channel.platform() != messageKey.platform()) {
            throw new IllegalArgumentException("channel " + channel.wireName() + " is not a " + messageKey.platform().wireName() + " channel");
        }
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    public Platform platform() {
        return messageKey.platform();
    }

    @Override
    public String naturalKey() {
        return "message|" + messageKey;
    }
}
