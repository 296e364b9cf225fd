package org.imarchive.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Every refused attempt goes on the audit trail: a request without valid credentials, a request the caller's roles do
 * not allow, and each failed password sign-in (which also counts towards the lockout, local or directory). A request
 * without credentials is challenged for every scheme the API takes: Basic always, Bearer when OIDC tokens are on.
 */
@Component
public class AuditedRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {
    static final String REALM = "imarchive";
    private final AuditLog audit;
    private final LocalUsers users;
    private final DirectoryLockout directoryLockout;
    private final MeterRegistry meters;
    private final boolean bearerTokens;

    public AuditedRefusals(AuditLog audit, LocalUsers users, DirectoryLockout directoryLockout, MeterRegistry meters,
                           SignInSourcesProperties sources) {
        this.audit = audit;
        this.users = users;
        this.directoryLockout = directoryLockout;
        this.meters = meters;
        this.bearerTokens = sources.oidc().enabled();
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) throws IOException {
        audit.record(new AuditEvent(Actors.ANONYMOUS, "request", request.getMethod() + " " + request.getRequestURI(),
                AuditEvent.Outcome.REFUSED, Actors.addressOf(request), "not authenticated"));
        // one challenge per scheme the API accepts (RFC 9110 11.6.1), so a client that holds a token knows it may send it
        response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        if (bearerTokens) {
            // no error code: the request carried no token at all (RFC 6750 3.1)
            response.addHeader("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"");
        }
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied) throws IOException {
        audit.record(new AuditEvent(Actors.current(), "request", request.getMethod() + " " + request.getRequestURI(),
                AuditEvent.Outcome.REFUSED, Actors.addressOf(request), "not allowed for the caller's roles"));
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "your roles do not allow this");
    }

    @EventListener
    public void onFailure(AbstractAuthenticationFailureEvent event) {
        if (!(event.getAuthentication() instanceof UsernamePasswordAuthenticationToken)) {
            // a bearer token is the secret itself and names nobody: its refusals are audited without it, by the OIDC entry point
            return;
        }
        String username = event.getAuthentication().getName();
        boolean locked = users.exists(username) ? users.failedSignIn(username) : directoryLockout.isLocked(username);
        meters.counter("imarchive.signin.refused", "credentials", "password").increment();
        audit.record(new AuditEvent(username, "sign-in", username, AuditEvent.Outcome.REFUSED, null,
                event.getException().getClass().getSimpleName() + (locked ? "; account locked" : "")));
    }

    @EventListener
    public void onSuccess(AuthenticationSuccessEvent event) {
        users.succeededSignIn(event.getAuthentication().getName());
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getWriter().write("{\"status\":" + status + ",\"reason\":\"" + reason + "\"}");
    }
}
