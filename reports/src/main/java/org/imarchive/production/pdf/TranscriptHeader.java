package org.imarchive.production.pdf;

import java.time.Instant;

/** What every transcript of a production says about the production on its cover and footer. */
public record TranscriptHeader(String productionId, String matter, String requester, String selection, Instant createdAt) {
}
