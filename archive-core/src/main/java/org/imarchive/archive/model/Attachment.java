package org.imarchive.archive.model;

import java.util.Objects;

/**
 * A file sent with a message. The platform's reference is kept verbatim; {@code sha256} names the stored
 * content once fetched, and stays null while the download is {@link State#PENDING} or has {@link State#FAILED}.
 */
public record Attachment(
        String platformMediaId,
        String fileName,
        String mediaType,
        Long size,
        String sha256,
        State state,
        String platformSha256) {

    public enum State {
        PENDING, STORED, FAILED, NOT_INCLUDED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Attachment {
        Objects.requireNonNull(state, "state");
        if (state == State.STORED && sha256 == null) {
            throw new IllegalArgumentException("a stored attachment needs its sha256");
        }
    }

    public static Attachment pending(String platformMediaId, String fileName, String mediaType) {
        return new Attachment(platformMediaId, fileName, mediaType, null, null, State.PENDING, null);
    }

    public Attachment stored(String sha256, long size) {
        return new Attachment(platformMediaId, fileName, mediaType, size, sha256, State.STORED, platformSha256);
    }
}
