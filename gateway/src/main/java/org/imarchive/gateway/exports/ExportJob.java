package org.imarchive.gateway.exports;

import java.time.Instant;

/** An export job as the API shows it. */
public record ExportJob(
        String id,
        String matter,
        String requester,
        String selection,
        String formats,
        String state,
        long conversations,
        long messages,
        long pages,
        Long totalMessages,
        Instant createdAt,
        Instant finishedAt,
        String fileSha256,
        String manifestSha256,
        Long ledgerSerial,
        String firstBates,
        String lastBates,
        String error) {
}
