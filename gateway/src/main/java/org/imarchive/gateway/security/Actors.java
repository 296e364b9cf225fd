package org.imarchive.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking, and from where, as the audit trail records it. */
public final class Actors {
    public static final String ANONYMOUS = "anonymous";

    private Actors() {
    }

    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? ANONYMOUS : authentication.getName();
    }

    public static String addressOf(HttpServletRequest request) {
        return request == null ? null : request.getRemoteAddr();
    }
}
