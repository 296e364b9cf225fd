package org.imarchive.archive.model;

import java.util.Objects;

/**
 * How a record reached the archive, so an examiner can trace it back to the raw capture: the journal sequence
 * of the payload it was derived from, and for imports the custodian who supplied the file and the file's hash.
 */
public record Provenance(Source source, long journalSequence, String custodian, String sourceFileSha256) {
    public enum Source {
        WEBHOOK, POLL, IMPORT, SENT, FETCH;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Provenance {
        Objects.requireNonNull(source, "source");
    }

    public static Provenance webhook(long journalSequence) {
        return new Provenance(Source.WEBHOOK, journalSequence, null, null);
    }
}
