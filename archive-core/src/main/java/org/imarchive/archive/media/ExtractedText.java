package org.imarchive.archive.media;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * What text extraction made of one blob. Every outcome is recorded, so a file Tika cannot read is visibly unreadable
 * rather than silently unsearchable, and is not tried again on every pass.
 *
 * @param detectedType the media type Tika detected from the content, or null when it did not get that far
 * @param text         the text, empty unless {@link Status#EXTRACTED}
 * @param truncated    true when the text was cut at the character limit
 * @param reason       why there is no text, for the unsuccessful outcomes
 */
public record ExtractedText(Status status, String detectedType, String text, boolean truncated, String reason) {

    public enum Status {
        EXTRACTED("extracted"), UNREADABLE("unreadable"), TOO_LARGE("too-large"), TIMEOUT("timeout");

        private final String wireName;

        Status(String wireName) {
            this.wireName = wireName;
        }

        @JsonValue
        public String wireName() {
            return wireName;
        }

        public static Status fromWireName(String name) {
            for (Status status : values()) {
                if (status.wireName.equals(name)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("no extraction status " + name);
        }
    }

    public ExtractedText {
        Objects.requireNonNull(status, "status");
        text = Objects.requireNonNullElse(text, "");
    }

    public static ExtractedText failed(Status status, String detectedType, String reason) {
        return new ExtractedText(status, detectedType, "", false, reason);
    }
}
