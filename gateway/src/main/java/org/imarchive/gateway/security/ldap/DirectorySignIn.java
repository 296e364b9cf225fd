package org.imarchive.gateway.security.ldap;

import org.imarchive.gateway.security.DirectoryLockout;
import org.imarchive.gateway.security.LocalUsers;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * The directory as a sign-in source beside the local users. A name that exists as a local user is never looked up
 * in the directory, so nobody can reach a local account's roles (the bootstrap administrator's, say) with a directory
 * password, nor the reverse. Wrong passwords count towards the same lockout as local ones.
 */
public final class DirectorySignIn implements AuthenticationProvider {
    private final AuthenticationProvider directory;
    private final LocalUsers localUsers;
    private final DirectoryLockout lockout;

    public DirectorySignIn(AuthenticationProvider directory, LocalUsers localUsers, DirectoryLockout lockout) {
        this.directory = directory;
        this.localUsers = localUsers;
        this.lockout = lockout;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName();
        if (username == null || username.isBlank() || localUsers.exists(username)) {
            return null;
        }
        if (lockout.isLocked(username)) {
            throw new LockedException("account locked after repeated failed sign-ins");
        }
        try {
            Authentication signedIn = directory.authenticate(attempt);
            lockout.succeeded(username);
            return signedIn;
        } catch (BadCredentialsException wrong) {
            lockout.failed(username);
            throw wrong;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
