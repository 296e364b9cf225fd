package org.imarchive.gateway.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * {@code gateway.telegram.*} for calling the Bot API: sending, and long polling where Telegram cannot reach the site.
 *
 * @param mode        {@code webhook} (Telegram posts to /webhooks/telegram) or {@code polling} (the gateway calls getUpdates)
 * @param apiUrl      the Bot API base, or a local Bot API server
 * @param pollTimeout how long Telegram holds one getUpdates call open when nothing is waiting
 */
@Validated
@ConfigurationProperties("gateway.telegram")
public record TelegramApiProperties(String botToken,
                                    @NotNull @DefaultValue("webhook") Mode mode,
                                    @NotNull @DefaultValue("https://api.telegram.org") URI apiUrl,
                                    @NotNull @DefaultValue("PT30S") Duration pollTimeout) {

    public enum Mode { WEBHOOK, POLLING }

    public boolean configured() {
        return botToken != null && !botToken.isBlank();
    }
}
