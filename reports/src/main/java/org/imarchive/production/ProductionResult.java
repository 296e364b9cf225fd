package org.imarchive.production;

/**
 * What a finished production holds. {@code manifestSha256} is the value to enter in the ledger: it names the manifest,
 * which names every other file by its SHA-256.
 *
 * @param firstBates the first page's Bates number, null when the production has no PDF
 * @param lastBates  the last page's Bates number, null when the production has no PDF
 */
public record ProductionResult(
        String productionId,
        String manifestSha256,
        long conversations,
        long messages,
        long pages,
        long files,
        String firstBates,
        String lastBates) {
}
