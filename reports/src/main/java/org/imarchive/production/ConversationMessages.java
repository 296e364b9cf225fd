package org.imarchive.production;

import org.imarchive.archive.store.StoredMessage;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * One conversation of a production and its messages in the order they are to be shown (sent time, then id).
 * The stream is read once and closed by the engine, so a store can back it with a cursor.
 */
public record ConversationMessages(String conversationId, Stream<StoredMessage> messages) {
    public ConversationMessages {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(messages, "messages");
    }
}
