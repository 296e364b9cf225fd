package org.imarchive.archive.ledger;

import org.imarchive.archive.support.Sha256;

import java.nio.charset.StandardCharsets;

/**
 * How a chained entry's hash is computed: SHA-256 over its fields, each written as its length and its UTF-8 bytes,
 * ending with the previous entry's hash. Length-prefixing keeps {@code ("ab","c")} and {@code ("a","bc")} apart.
 * The ledger and the audit trail both chain this way; {@code docs/adr/0006-ledger.md} spells it out for examiners.
 */
public final class HashChain {
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String link(String previousHash, String... fields) {
        var digest = Sha256.newDigest();
        for (String field : fields) {
            byte[] bytes = (field == null ? "" : field).getBytes(StandardCharsets.UTF_8);
            digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            digest.update(bytes);
        }
        digest.update(previousHash.getBytes(StandardCharsets.US_ASCII));
        return Sha256.toHex(digest.digest());
    }
}
