package org.imarchive.gateway.media;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * The settings under {@code gateway.twilio.*} that media downloads need besides the auth token (which
 * {@code GatewayProperties} holds for the webhook signatures).
 *
 * @param accountSid the account's SID (AC...), the user name of Twilio's Basic auth
 * @param apiUrl     Twilio's REST API; media URLs on another host are never sent the credentials
 */
@Validated
@ConfigurationProperties("gateway.twilio")
public record TwilioMediaProperties(String accountSid, @NotNull @DefaultValue("https://api.twilio.com") URI apiUrl) {
}
