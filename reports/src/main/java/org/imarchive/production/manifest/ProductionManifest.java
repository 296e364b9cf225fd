package org.imarchive.production.manifest;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} as read back. It cannot name its own hash; {@code SHA256SUMS} and the ledger entry do.
 *
 * @param format always {@link #FORMAT}, so a reader knows which shape it holds
 */
public record ProductionManifest(
        String format,
        String productionId,
        String matter,
        String requester,
        String selection,
        String firmTimeZone,
        Instant createdAt,
        Bates bates,
        Counts counts,
        List<ManifestFile> files) {

    public static final String FORMAT = "imarchive-production/1";
    public static final String PATH = "manifest.json";
    public static final String SUMS_PATH = "SHA256SUMS";

    /** The Bates range the production's pages use; first and last are null without PDFs. */
    public record Bates(String prefix, String first, String last) {
    }

    public record Counts(long conversations, long messages, long records, long pages, long files) {
    }
}
