package org.imarchive.archive.indexing;

import java.util.List;

/**
 * Messages to index again although the ledger holds nothing new about them: what is derived from their content
 * changed (an attachment's text was extracted). The indexer takes the oldest requests, indexes those messages and
 * removes the requests, so a request survives a crash until its message is indexed.
 */
public interface ReindexRequests {

    /** The oldest outstanding requests, oldest first. */
    List<Request> oldest(int limit);

    /** Removes every request up to and including {@code requestId}. */
    void removeUpTo(long requestId);

    record Request(long requestId, String messageId) {
    }

    /** For an indexer that follows the ledger only (the rebuild command: a rebuild reads everything afresh). */
    ReindexRequests NONE = new ReindexRequests() {
        @Override
        public List<Request> oldest(int limit) {
            return List.of();
        }

        @Override
        public void removeUpTo(long requestId) {
        }
    };
}
