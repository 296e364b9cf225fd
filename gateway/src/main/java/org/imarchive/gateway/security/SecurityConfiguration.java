package org.imarchive.gateway.security;

import org.imarchive.gateway.security.oidc.BearerTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The access rules. Webhooks are open to the network but each is authenticated by its platform's own signature in
 * its route (a chain of their own, which is short); {@code /actuator/health} is open; everything else needs a signed-in user with the
 * right role, and what no rule names is denied.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    /**
     * Webhooks carry no user: each is authenticated by its platform's signature in its route, so this chain has no
     * authentication filter, no session, no security context, no CSRF token (a platform has no cookie to forge with),
     * no request cache and no logout. What stays costs little per request: the firewall (in front of every chain), the
     * default security headers, which tell a client not to sniff or cache an answer and not to frame it, and the rule
     * that lets every request through to its route. The matcher is on the whole path: the webhooks are not Spring MVC's,
     * and a plain pattern would be read relative to the dispatcher's servlet and match nothing under Camel's.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/webhooks/**"))
                .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(sessions -> sessions.disable())
                .anonymous(anonymous -> anonymous.disable())
                .logout(logout -> logout.disable())
                .servletApi(servletApi -> servletApi.disable())
                .exceptionHandling(errors -> errors.disable());
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain api(HttpSecurity http, AuditedRefusals refusals, BearerTokens bearerTokens) throws Exception {
        String[] readers = {Role.COMPLIANCE.name(), Role.SUPERVISOR.name(), Role.REVIEWER.name(), Role.AUDITOR.name()};
        http
                .authorizeHttpRequests(rules -> rules
                        .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/audit/**", "/api/audit").hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/accounts").hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/accounts/*/approve", "/api/accounts/*/reject").hasRole(Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.POST, "/api/accounts/*/revoke").hasAnyRole(Role.ADMIN.name(), Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.GET, "/api/accounts", "/api/accounts/**").hasAnyRole(Role.ADMIN.name(), Role.COMPLIANCE.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/accounts/**").denyAll()
                        .requestMatchers("/api/imports", "/api/imports/**").hasRole(Role.COMPLIANCE.name())
                        .requestMatchers("/api/exports", "/api/exports/**").hasRole(Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.GET, "/api/holds", "/api/holds/**").hasAnyRole(Role.COMPLIANCE.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/holds", "/api/holds/**").hasRole(Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.GET, "/api/reports/supervision").hasAnyRole(Role.COMPLIANCE.name(), Role.SUPERVISOR.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/reports/retention").hasAnyRole(Role.COMPLIANCE.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/reports/**").denyAll()
                        .requestMatchers("/api/telegram/**").hasAnyRole(Role.ADMIN.name(), Role.COMPLIANCE.name(), Role.AUDITOR.name())
                        .requestMatchers(HttpMethod.POST, "/api/messages/send").hasRole(Role.RM.name())
                        .requestMatchers(HttpMethod.POST, "/api/reconciliations").hasAnyRole(Role.ADMIN.name(), Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.GET, "/api/dispositions", "/api/dispositions/**").hasAnyRole(Role.COMPLIANCE.name(), Role.AUDITOR.name())
                        .requestMatchers("/api/dispositions", "/api/dispositions/**").hasRole(Role.COMPLIANCE.name())
                        .requestMatchers("/api/erasure-requests", "/api/erasure-requests/**").hasRole(Role.COMPLIANCE.name())
                        .requestMatchers(HttpMethod.POST, "/api/review/**").hasAnyRole(Role.COMPLIANCE.name(), Role.SUPERVISOR.name(), Role.REVIEWER.name())
                        .requestMatchers("/api/**").hasAnyRole(readers)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the API carries no cookies: credentials come with each request
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        bearerTokens.applyTo(http);
        return http.build();
    }
}
