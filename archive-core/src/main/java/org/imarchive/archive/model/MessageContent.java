package org.imarchive.archive.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The content of one version of a message. {@code details} keeps structured platform data that has no field of its
 * own (button payloads, contact cards, a reaction's emoji) as sorted key/value pairs, so nothing the platform sent
 * is lost to the canonical form.
 */
public record MessageContent(
        MessageKind kind,
        String text,
        List<Attachment> attachments,
        Location location,
        SortedMap<String, String> details) {

    public MessageContent {
        Objects.requireNonNull(kind, "kind");
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        details = details == null ? new TreeMap<>() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(details));
    }

    public static MessageContent text(String text) {
        return new MessageContent(MessageKind.TEXT, text, List.of(), null, null);
    }

    public static MessageContent of(MessageKind kind, String text, List<Attachment> attachments, Map<String, String> details) {
        return new MessageContent(kind, text, attachments, null, details == null ? null : new TreeMap<>(details));
    }

    public MessageContent withAttachments(List<Attachment> replaced) {
        return new MessageContent(kind, text, replaced, location, details);
    }
}
