package org.imarchive.gateway.ui;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.gateway.security.Actors;
import org.imarchive.gateway.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * The browser's chain: form sign-in with a session cookie (HttpOnly, SameSite=Strict or Lax, see BrowserSignIn; idle timeout
 * {@code gateway.ui.session-timeout}), CSRF tokens on every form, a Content-Security-Policy that allows no inline script
 * or style, and the same roles per page as the API has per endpoint. It sits before the API chain, which matches every
 * request; its paths and the webhooks' are disjoint, so the two share a rank. Sign-in failures and lockout are the
 * API's own (the same users, the same failure events); successes and sign-outs are audited here. When an OIDC client
 * is configured ({@code gateway.security.oidc.client-id}), people may also sign in through their organisation's
 * provider, their ID token's groups mapped to roles as the API maps a bearer token's.
 */
@Configuration
public class UiSecurityConfiguration {
    static final String[] PATHS = {"/ui", "/ui/**", "/login", "/logout", "/assets/**"};
    /** Where the provider's sign-in starts and where it sends the browser back: that answer needs the browser's session. */
    static final String[] ORGANISATION_SIGN_IN_PATHS = {"/oauth2/authorization/**", "/login/oauth2/code/**"};
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain ui(HttpSecurity http, AuditLog audit, UiProperties properties,
                           ObjectProvider<ClientRegistrationRepository> organisationSignIn,
                           @Qualifier("oidcLoginAuthorities") ObjectProvider<GrantedAuthoritiesMapper> organisationRoles) throws Exception {
        boolean signInByOrganisation = organisationSignIn.getIfAvailable() != null;
        String admin = Role.ADMIN.name();
        String compliance = Role.COMPLIANCE.name();
        String supervisor = Role.SUPERVISOR.name();
        String reviewer = Role.REVIEWER.name();
        String auditor = Role.AUDITOR.name();
        http
                .securityMatcher(signInByOrganisation ? Stream.concat(Arrays.stream(PATHS), Arrays.stream(ORGANISATION_SIGN_IN_PATHS)).toArray(String[]::new) : PATHS)
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers("/login", "/assets/**").permitAll()
                        // a person whose groups map to no role is signed in but may see nothing, not even the home page
                        .requestMatchers(HttpMethod.GET, "/ui").hasAnyRole(Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new))
                        .requestMatchers(HttpMethod.POST, "/ui/items/**").hasAnyRole(compliance, supervisor, reviewer)
                        .requestMatchers(HttpMethod.GET, "/ui/queue", "/ui/queue/**", "/ui/items/**", "/ui/search", "/ui/messages/**",
                                "/ui/blobs/**").hasAnyRole(compliance, supervisor, reviewer, auditor)
                        .requestMatchers("/ui/exports", "/ui/exports/**").hasRole(compliance)
                        .requestMatchers(HttpMethod.GET, "/ui/holds", "/ui/holds/**").hasAnyRole(compliance, auditor)
                        .requestMatchers(HttpMethod.POST, "/ui/holds", "/ui/holds/**").hasRole(compliance)
                        .requestMatchers(HttpMethod.GET, "/ui/audit").hasAnyRole(admin, auditor)
                        .requestMatchers("/ui/admin/users", "/ui/admin/users/**").hasRole(admin)
                        .requestMatchers(HttpMethod.GET, "/ui/admin/groups").hasAnyRole(admin, compliance, auditor)
                        .requestMatchers(HttpMethod.GET, "/ui/accounts").hasAnyRole(admin, compliance, auditor)
                        .requestMatchers(HttpMethod.POST, "/ui/accounts").hasRole(admin)
                        .requestMatchers(HttpMethod.POST, "/ui/accounts/*/approve", "/ui/accounts/*/reject").hasRole(compliance)
                        .requestMatchers(HttpMethod.POST, "/ui/accounts/*/revoke").hasAnyRole(admin, compliance)
                        .anyRequest().denyAll())
                .formLogin(form -> form
                        .loginPage("/login")
                        .successHandler(signedIn(audit, properties))
                        .failureUrl("/login?error"))
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null) {
                                audit.record(new AuditEvent(authentication.getName(), "sign-out", authentication.getName(),
                                        AuditEvent.Outcome.SUCCESS, Actors.addressOf(request), "web"));
                            }
                        })
                        .deleteCookies("JSESSIONID")
                        .logoutSuccessHandler(signedOut(organisationSignIn.getIfAvailable())))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(signInAgain()).accessDeniedHandler((request, response, denied) -> {
                    audit.record(new AuditEvent(Actors.current(), "request", request.getMethod() + " " + request.getRequestURI(),
                            AuditEvent.Outcome.REFUSED, Actors.addressOf(request), "not allowed for the caller's roles"));
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        if (signInByOrganisation) {
            http.oauth2Login(oidc -> oidc
                    .loginPage("/login")
                    .userInfoEndpoint(userInfo -> userInfo.userAuthoritiesMapper(organisationRoles.getObject()))
                    .successHandler(signedIn(audit, properties))
                    .failureUrl("/login?error"));
        }
        return http.build();
    }

    /**
     * Sends a browser that is not signed in to the sign-in page, saying so when its session timed out (it still
     * presents the old session's id). A missing CSRF token stays a plain 403, whatever the session.
     */
    /**
     * Back to the sign-in page; someone who signed in through the organisation's provider is first sent to the
     * provider's end-session endpoint (OpenID Connect RP-Initiated Logout 1.0, when its discovery document names one),
     * so signing out here also ends the single sign-on session that would otherwise sign them straight back in.
     */
    private static LogoutSuccessHandler signedOut(ClientRegistrationRepository organisationSignIn) {
        String signInPage = "/login?signedOut";
        if (organisationSignIn == null) {
            SimpleUrlLogoutSuccessHandler local = new SimpleUrlLogoutSuccessHandler();
            local.setDefaultTargetUrl(signInPage);
            return local;
        }
        OidcClientInitiatedLogoutSuccessHandler atTheProvider = new OidcClientInitiatedLogoutSuccessHandler(organisationSignIn);
        atTheProvider.setPostLogoutRedirectUri("{baseUrl}" + signInPage);
        atTheProvider.setDefaultTargetUrl(signInPage);
        return atTheProvider;
    }

    private static LoginUrlAuthenticationEntryPoint signInAgain() {
        return new LoginUrlAuthenticationEntryPoint("/login") {
            @Override
            protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
                return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid() ? "/login?expired" : "/login";
            }
        };
    }

    /** Audits the sign-in, starts the idle clock, and lands the user on their home page (or the page they asked for). */
    private static SavedRequestAwareAuthenticationSuccessHandler signedIn(AuditLog audit, UiProperties properties) {
        SavedRequestAwareAuthenticationSuccessHandler landing = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, ServletException {
                audit.record(new AuditEvent(authentication.getName(), "sign-in", authentication.getName(), AuditEvent.Outcome.SUCCESS,
                        Actors.addressOf(request), "web"));
                request.getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        landing.setDefaultTargetUrl("/ui");
        return landing;
    }
}
