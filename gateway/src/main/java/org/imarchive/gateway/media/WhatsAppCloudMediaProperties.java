package org.imarchive.gateway.media;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * The settings under {@code gateway.whatsapp-cloud.*} that media downloads need.
 *
 * @param accessToken a system user's access token with whatsapp_business_messaging permission
 * @param graphUrl    the Graph API with its version
 */
@Validated
@ConfigurationProperties("gateway.whatsapp-cloud")
public record WhatsAppCloudMediaProperties(String accessToken, @NotNull @DefaultValue("https://graph.facebook.com/v21.0") URI graphUrl) {
}
