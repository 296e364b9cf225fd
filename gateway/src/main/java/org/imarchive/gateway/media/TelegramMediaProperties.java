package org.imarchive.gateway.media;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * The setting under {@code gateway.telegram.*} that file downloads need besides the bot token.
 *
 * @param apiUrl the Bot API server; a self-hosted one lifts the 20 MB download limit
 */
@Validated
@ConfigurationProperties("gateway.telegram")
public record TelegramMediaProperties(@NotNull @DefaultValue("https://api.telegram.org") URI apiUrl) {
}
