package org.imarchive.archive.search;

import java.util.List;
import java.util.Map;

/**
 * The index could not do what was asked (unreachable, refused the write). {@link #failedIds()} names the documents a
 * write did not store, with the reason for each, so that nothing is dropped silently.
 */
public class SearchIndexException extends RuntimeException {

    private final Map<String, String> failedIds;

    public SearchIndexException(String message) {
        super(message);
        this.failedIds = Map.of();
    }

    public SearchIndexException(String message, Throwable cause) {
        super(message, cause);
        this.failedIds = Map.of();
    }

    public SearchIndexException(String message, Map<String, String> failedIds) {
        super(message + ": " + summarize(failedIds));
        this.failedIds = Map.copyOf(failedIds);
    }

    /** Document id to the reason it was not indexed; empty when the whole operation failed. */
    public Map<String, String> failedIds() {
        return failedIds;
    }

    private static String summarize(Map<String, String> failedIds) {
        List<String> shown = failedIds.entrySet().stream().limit(5).map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        String more = failedIds.size() > shown.size() ? " and " + (failedIds.size() - shown.size()) + " more" : "";
        return String.join(", ", shown) + more;
    }
}
