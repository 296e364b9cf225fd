package org.imarchive.production;

import java.util.List;

/**
 * What {@link ProductionVerifier} found: intact only when every file is listed in SHA256SUMS and the manifest with
 * the hash and size it has, nothing is there that is not listed, and the manifest's hash is the one expected.
 *
 * @param manifestSha256 the SHA-256 of manifest.json as found in the ZIP (null when it is missing), to compare with the ledger
 * @param problems       one line per problem, each naming the file
 */
public record ExportVerification(boolean intact, String manifestSha256, long filesChecked, List<String> problems) {
    public ExportVerification {
        problems = List.copyOf(problems);
    }

    public String summary() {
        return intact ? "intact: " + filesChecked + " files, manifest SHA-256 " + manifestSha256
                : "NOT intact: " + problems.size() + " problem(s); first: " + problems.get(0);
    }
}
