package org.imarchive.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code gateway.security.*}.
 *
 * @param bootstrapAdmin the first administrator, for automation; without it a password is generated and printed once
 * @param maxFailedLogins failed sign-ins in a row before the account is locked for {@code lockout}
 */
@Validated
@ConfigurationProperties("gateway.security")
public record SecurityProperties(
        @Valid @DefaultValue BootstrapAdmin bootstrapAdmin,
        @Positive @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("PT15M") Duration lockout) {

    public record BootstrapAdmin(@DefaultValue("admin") String username, String password) {
    }
}
