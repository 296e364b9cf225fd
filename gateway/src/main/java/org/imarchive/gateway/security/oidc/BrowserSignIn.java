package org.imarchive.gateway.security.oidc;

import org.imarchive.gateway.security.GroupRoleMapping;
import org.imarchive.gateway.security.Role;
import org.imarchive.gateway.security.SignInSourcesProperties;
import org.springframework.boot.web.server.Cookie;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.AbstractServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a browser sign-in through the OIDC provider needs, when {@code gateway.security.oidc.client-id} is set: the
 * client registration (id {@value #REGISTRATION_ID}, endpoints from the issuer's discovery document) and the mapping
 * from the ID token's groups to roles. A filter chain turns it on with {@code http.oauth2Login(Customizer.withDefaults())},
 * which finds both beans by type; the sign-in then starts at {@code /oauth2/authorization/oidc} and returns to {@code /login/oauth2/code/oidc}.
 */
@Configuration
@Conditional(BrowserSignIn.ClientConfigured.class)
public class BrowserSignIn {
    public static final String REGISTRATION_ID = "oidc";

    @Bean
    ClientRegistrationRepository oidcClientRegistrations(SignInSourcesProperties sources) {
        return new InMemoryClientRegistrationRepository(registration(sources.oidc()));
    }

    @Bean
    GrantedAuthoritiesMapper oidcLoginAuthorities(SignInSourcesProperties sources) {
        return authorities(sources.oidc(), GroupRoleMapping.preferring(sources.oidc().groupRoles(), sources.groupRoles()));
    }

    /**
     * The provider sends the browser back to the gateway from its own site, and a browser keeps a SameSite=Strict
     * cookie off such a request, so the session that remembers the sign-in's state would be missing and every sign-in
     * would fail. Lax lets the cookie ride on that top-level GET and still keeps it off cross-site posts, which the
     * CSRF tokens refuse anyway. Runs after the {@code server.servlet.session.cookie} settings are applied.
     */
    @Bean
    WebServerFactoryCustomizer<AbstractServletWebServerFactory> sessionCookieSentBackFromTheProvider() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(AbstractServletWebServerFactory factory) {
                factory.getSession().getCookie().setSameSite(Cookie.SameSite.LAX);
            }
        };
    }

    static ClientRegistration registration(SignInSourcesProperties.Oidc oidc) {
        return ClientRegistrations.fromIssuerLocation(oidc.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(oidc.clientId())
                .clientSecret(oidc.clientSecret())
                .scope(oidc.scopes())
                .userNameAttributeName(oidc.usernameClaim())
                .build();
    }

    /**
     * Keeps only the roles the groups claim maps to: the provider's own authorities (its scopes, "OIDC_USER") say
     * nothing about what the person may do here.
     */
    static GrantedAuthoritiesMapper authorities(SignInSourcesProperties.Oidc oidc, GroupRoleMapping mapping) {
        return granted -> {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (GrantedAuthority authority : granted) {
                if (authority instanceof OAuth2UserAuthority user) {
                    roles.addAll(mapping.rolesFor(ClaimGroups.in(user.getAttributes(), oidc.groupsClaim())));
                }
            }
            return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        };
    }

    /** On when both the issuer and the client id are set; an empty value counts as unset. */
    static final class ClientConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String issuer = context.getEnvironment().getProperty("gateway.security.oidc.issuer-uri");
            String clientId = context.getEnvironment().getProperty("gateway.security.oidc.client-id");
            return issuer != null && !issuer.isBlank() && clientId != null && !clientId.isBlank();
        }
    }
}
