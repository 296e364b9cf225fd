package org.imarchive.gateway.security.oidc;

import org.imarchive.gateway.security.GroupRoleMapping;
import org.imarchive.gateway.security.Role;
import org.imarchive.gateway.security.SignInSourcesProperties;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * Bearer tokens on the API when {@code gateway.security.oidc.issuer-uri} is set: a JWT signed by one of the issuer's
 * keys (its JWKS, found through the discovery document unless {@code jwk-set-uri} names it), from that issuer, meant for
 * one of the accepted audiences and not expired. The roles come from the groups claim through the group mapping;
 * the person is named by the username claim, as supervision groups and the audit trail know them.
 */
@Component
public class BearerTokens {
    private final SignInSourcesProperties.Oidc settings;
    private final BearerTokenRefusals refusals;
    private final GroupRoleMapping mapping;

    public BearerTokens(SignInSourcesProperties sources, BearerTokenRefusals refusals) {
        this.settings = sources.oidc();
        this.refusals = refusals;
        this.mapping = GroupRoleMapping.preferring(settings.groupRoles(), sources.groupRoles());
        if (settings.enabled() && settings.acceptedAudiences().isEmpty()) {
            throw new IllegalStateException("gateway.security.oidc.audiences: name the audience the gateway's tokens carry (or set client-id);"
                    + " without one, a token the provider issued for any other application would be accepted");
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Adds bearer-token authentication to a stateless chain; does nothing while OIDC is off. */
    public void applyTo(HttpSecurity http) throws Exception {
        if (!settings.enabled()) {
            return;
        }
        JwtDecoder decoder = decoder();
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(this::authenticationOf))
                .authenticationEntryPoint(refusals));
    }

    JwtDecoder decoder() {
        NimbusJwtDecoder decoder = settings.jwkSetUri() != null && !settings.jwkSetUri().isBlank()
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build()
                : NimbusJwtDecoder.withIssuerLocation(settings.issuerUri()).build();
        List<String> accepted = settings.acceptedAudiences();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuerUri()),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audiences -> audiences != null && audiences.stream().anyMatch(accepted::contains))));
        return decoder;
    }

    AbstractAuthenticationToken authenticationOf(Jwt jwt) {
        Set<Role> roles = mapping.rolesFor(ClaimGroups.in(jwt.getClaims(), settings.groupsClaim()));
        String name = jwt.getClaimAsString(settings.usernameClaim());
        return new JwtAuthenticationToken(jwt, roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                name == null || name.isBlank() ? jwt.getSubject() : name);
    }
}
