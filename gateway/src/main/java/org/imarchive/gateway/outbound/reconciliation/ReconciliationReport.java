package org.imarchive.gateway.outbound.reconciliation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a reconciliation found, as it is stored and answered: the window, how many messages the platform listed for the
 * account, how many the archive already held, and every one it lacked (now archived), with the platform's id and date.
 *
 * @param state     {@code complete}, or {@code failed} with the platform's reason when the listing could not be finished
 * @param committed whether every missing message was committed to the archive before the report was written
 */
public record ReconciliationReport(String id, String channel, String account, LocalDate from, LocalDate to, String requestedBy,
                                   Instant startedAt, Instant finishedAt, String state, Integer listed, Integer alreadyArchived,
                                   Integer missingCount, List<Missing> missing, Integer unreadable, Boolean committed, String reason) {

    public record Missing(String sid, String direction, Instant sentAt, long journalSequence) {
    }
}
