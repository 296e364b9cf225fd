package org.imarchive.archive.search;

import org.imarchive.archive.search.internal.SearchCursor;
import org.imarchive.archive.search.internal.TextNormalizer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One matching message version. {@code current} is false for an earlier version of an edited message; the message
 * itself is loaded from the archive by {@code messageId}.
 *
 * @param highlights field ({@code text}, {@code attachmentText}, {@code attachmentNames}) to fragments of the original
 *                   text, HTML-escaped, with every matched word wrapped in {@code <em>}; fields without a match are absent
 */
public record SearchHit(
        String id,
        String messageId,
        String conversationId,
        int versionNumber,
        boolean current,
        boolean deleted,
        Instant sentAt,
        Map<String, List<String>> highlights) {

    public SearchHit {
        highlights = Map.copyOf(highlights);
    }

    /**
     * The cursor that resumes the same search right after this hit, as {@link SearchResult#nextCursor()} does after a
     * page's last: for a caller that filters hits further and stops part way through a page.
     */
    public String cursorAfter() {
        return new SearchCursor(sentAt.toEpochMilli(), TextNormalizer.fold(id)).encode();
    }
}
