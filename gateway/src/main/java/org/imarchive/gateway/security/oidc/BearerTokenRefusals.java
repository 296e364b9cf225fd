package org.imarchive.gateway.security.oidc;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.gateway.security.Actors;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * A refused bearer token (wrong issuer or audience, expired, bad signature, malformed) is answered 401 with the
 * standard {@code WWW-Authenticate: Bearer} challenge, counted, and put on the audit trail with the reason but never
 * the token, which is the credential itself.
 */
@Component
public class BearerTokenRefusals implements AuthenticationEntryPoint {
    private static final int MAX_REASON = 300;

    private final AuditLog audit;
    private final MeterRegistry meters;

    public BearerTokenRefusals(AuditLog audit, MeterRegistry meters) {
        this.audit = audit;
        this.meters = meters;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        String reason = reasonOf(failure);
        meters.counter("imarchive.signin.refused", "credentials", "bearer").increment();
        audit.record(new AuditEvent(Actors.ANONYMOUS, "sign-in", request.getMethod() + " " + request.getRequestURI(),
                AuditEvent.Outcome.REFUSED, Actors.addressOf(request), "bearer token refused: " + reason));
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"status\":401,\"reason\":\"invalid bearer token\"}");
    }

    private static String reasonOf(AuthenticationException failure) {
        String reason = failure instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                ? oauth.getError().getDescription() : failure.getMessage();
        reason = reason == null ? failure.getClass().getSimpleName() : reason.replaceAll("[\\r\\n]", " ");
        return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
    }
}
