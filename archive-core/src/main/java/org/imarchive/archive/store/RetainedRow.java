package org.imarchive.archive.store;

import org.imarchive.archive.model.Platform;

import java.time.Instant;
import java.util.Set;

/**
 * A live (not disposed) record as retention sees it: its hash, its stored retention (null for a record committed
 * before retention was assigned, which is never disposed), and the facts of its message that legal holds match on.
 *
 * @param participants the platform ids of the message's sender and recipients, verbatim
 */
public record RetainedRow(String recordId, String sha256, String messageId, String conversationId, Platform platform,
                          String accountId, Instant sentAt, Set<String> participants, RecordRetention retention) {

    public RetainedRow {
        participants = Set.copyOf(participants);
    }
}
