package org.imarchive.gateway.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * {@code gateway.whatsapp-cloud.*} for sending through Meta's Cloud API.
 *
 * @param accessToken a system-user token with whatsapp_business_messaging; without it the channel does not send
 * @param graphUrl    the Graph API base with its version
 */
@Validated
@ConfigurationProperties("gateway.whatsapp-cloud")
public record WhatsAppCloudApiProperties(String accessToken, @NotNull @DefaultValue("https://graph.facebook.com/v21.0") URI graphUrl) {

    public boolean configured() {
        return accessToken != null && !accessToken.isBlank();
    }
}
