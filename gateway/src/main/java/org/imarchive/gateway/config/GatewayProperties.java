package org.imarchive.gateway.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything under {@code gateway.*}. The names are a public contract (operators set them as {@code --name=value},
 * in {@code application.yml} or as environment variables); a wrong value stops start-up naming the key.
 *
 * @param dataDir   where the journal, record packs, blobs and the embedded database live
 * @param publicUrl the external base URL the platforms call; Twilio signs the full URL, so it must be exact
 */
@Validated
@ConfigurationProperties("gateway")
public record GatewayProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @Pattern(regexp = "https?://[^\\s/]+(/[^\\s]*)?", message = "must be an absolute http(s) URL such as https://archive.example.com")
        String publicUrl,
        @Valid @DefaultValue Journal journal,
        @Valid @DefaultValue CaptureFirst captureFirst,
        @Valid @DefaultValue Integrity integrity,
        @Valid @DefaultValue Twilio twilio,
        @Valid @DefaultValue WhatsappCloud whatsappCloud,
        @Valid @DefaultValue Telegram telegram) {

    /**
     * @param segmentBytes  journal segment size before a new one is begun
     * @param commitBatch   how many captures the committer commits in one transaction at most
     * @param pruneAfter    how long a segment whose every record is committed is kept (from its last write) before
     *                      it is deleted: the raw payloads must not outlive the records disposition removes
     */
    public record Journal(@Positive @DefaultValue("67108864") long segmentBytes, @Positive @DefaultValue("500") int commitBatch,
                          @NotNull @DefaultValue("P7D") Duration pruneAfter) {
    }

    /**
     * Capture first (ADR 0017): while webhooks arrive, derived work (commit, indexing, media, text extraction, review
     * scanning) uses at most this share of one core and lags; once they stop it catches up at full speed.
     *
     * @param derivedCpuShare the share of one core derived work may use while webhooks arrive, in (0, 1]
     * @param quietAfter      how long after the last webhook derived work runs at full speed again
     */
    public record CaptureFirst(@DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @DefaultValue("0.25") double derivedCpuShare,
                               @NotNull @DefaultValue("PT0.1S") Duration quietAfter) {
    }

    /** @param checkInterval how often the scheduled self-check recomputes the ledger and every stored hash */
    public record Integrity(@NotNull @DefaultValue("PT6H") Duration checkInterval) {
    }

    public record Twilio(String authToken) {
    }

    public record WhatsappCloud(String appSecret, String verifyToken) {
    }

    public record Telegram(String webhookSecret, String botToken) {
    }

    public Path journalDir() {
        return dataDir.resolve("journal");
    }

    public Path recordsDir() {
        return dataDir.resolve("records");
    }

    public Path blobsDir() {
        return dataDir.resolve("blobs");
    }
}
