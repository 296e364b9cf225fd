package org.imarchive.archive.search.internal;

import org.imarchive.archive.search.InvalidQueryException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page ended, as the sort key of its last hit: search resumes strictly after it ("search after"), so pages do
 * not shift while new messages are indexed.
 *
 * @param sortId the folded document id, the tie-breaker of the sort
 */
public record SearchCursor(long sentAtMillis, String sortId) {

    private static final String VERSION = "c1";

    public String encode() {
        String plain = VERSION + ":" + sentAtMillis + ":" + sortId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static SearchCursor decode(String encoded) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            String[] parts = plain.split(":", 3);
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("unknown cursor format");
            }
            return new SearchCursor(Long.parseLong(parts[1]), parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("The cursor is not one this search returned: start again from the first page",
                    0, encoded);
        }
    }
}
