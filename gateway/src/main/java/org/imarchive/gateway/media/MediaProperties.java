package org.imarchive.gateway.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code gateway.media.*}: how media downloads are retried and how far text extraction goes (ADR 0010).
 *
 * @param maxAttempts         attempts with exponential backoff before an attachment is marked failed
 * @param initialBackoff      the wait after the first failed attempt; it doubles with each further one
 * @param maxBackoff          the longest wait between two attempts
 * @param failedRetryInterval how often a failed attachment is tried again all the same
 * @param maxSize             content larger than this is not stored
 * @param requestTimeout      how long one request to a platform may take
 */
@Validated
@ConfigurationProperties("gateway.media")
public record MediaProperties(
        @Positive @DefaultValue("8") int maxAttempts,
        @NotNull @DefaultValue("PT30S") Duration initialBackoff,
        @NotNull @DefaultValue("PT1H") Duration maxBackoff,
        @NotNull @DefaultValue("P1D") Duration failedRetryInterval,
        @NotNull @DefaultValue("2GB") DataSize maxSize,
        @NotNull @DefaultValue("PT2M") Duration requestTimeout,
        @Valid @DefaultValue Extraction extraction) {

    /**
     * @param timeout  a parse still running after this is abandoned and recorded as {@code timeout}
     * @param maxSize  a file larger than this is not parsed ({@code too-large})
     * @param maxChars text beyond this many characters is cut
     */
    public record Extraction(
            @NotNull @DefaultValue("PT60S") Duration timeout,
            @NotNull @DefaultValue("50MB") DataSize maxSize,
            @Positive @DefaultValue("1000000") int maxChars) {
    }
}
