package org.imarchive.gateway.exports;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.ZoneId;

/**
 * {@code gateway.exports.*}: the firm's time zone shown beside UTC in transcripts, and the Bates numbering (prefix,
 * digits; numbers continue across productions of the same prefix).
 */
@Validated
@ConfigurationProperties("gateway.exports")
public record ExportProperties(
        @NotNull @DefaultValue("UTC") ZoneId firmZone,
        @NotBlank @DefaultValue("IMA") String batesPrefix,
        @Positive @DefaultValue("8") int batesDigits,
        @Positive @DefaultValue("100000") int maxMessages) {
}
