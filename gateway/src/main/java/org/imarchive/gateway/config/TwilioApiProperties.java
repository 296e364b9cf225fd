package org.imarchive.gateway.config;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;

/**
 * {@code gateway.twilio.*} as the Messages API needs it (the same keys the gateway's own settings and the media fetcher
 * read): without an account SID the gateway neither sends through Twilio nor reconciles against it.
 *
 * @param apiUrl Twilio's REST API base; a test points it at a stand-in
 */
@Validated
@ConfigurationProperties("gateway.twilio")
public record TwilioApiProperties(String accountSid, String authToken, @NotNull @DefaultValue("https://api.twilio.com") URI apiUrl) {

    public boolean configured() {
        return accountSid != null && !accountSid.isBlank() && authToken != null && !authToken.isBlank();
    }
}
