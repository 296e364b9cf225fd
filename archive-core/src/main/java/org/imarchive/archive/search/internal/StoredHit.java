package org.imarchive.archive.search.internal;

import java.util.List;

/** What an adapter reads back for a hit, before it is highlighted: the originals and the sort key. */
public record StoredHit(
        String id,
        String messageId,
        String conversationId,
        int versionNumber,
        boolean current,
        boolean deleted,
        long sentAtMillis,
        String sortId,
        String text,
        String attachmentText,
        List<String> attachmentNames) {

    public StoredHit {
        attachmentNames = List.copyOf(attachmentNames);
    }
}
