package org.imarchive.gateway.security;

import org.imarchive.archive.support.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** The local users of the embedded default, in the metadata database, with lockout after repeated failures. */
@Service
public class LocalUsers implements UserDetailsService {
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    public LocalUsers(JdbcTemplate jdbc, PasswordEncoder encoder, SecurityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    public record LocalUser(String username, Set<Role> roles, boolean enabled, Instant lockedUntil, Instant createdAt, String createdBy) {
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<UserDetails> found = jdbc.query(
                "select username, password_hash, roles, enabled, locked_until from app_user where username = ?",
                (rows, i) -> {
                    OffsetDateTime lockedUntil = rows.getObject(5, OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.toInstant().isAfter(clock.instant());
                    return User.withUsername(rows.getString(1))
                            .password(rows.getString(2))
                            .authorities(Role.parse(rows.getString(3)).stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList())
                            .disabled(!rows.getBoolean(4))
                            .accountLocked(locked)
                            .build();
                }, username);
        if (found.isEmpty()) {
            throw new UsernameNotFoundException("no such user");
        }
        return found.get(0);
    }

    public boolean exists(String username) {
        Integer count = jdbc.queryForObject("select count(*) from app_user where username = ?", Integer.class, username);
        return count != null && count > 0;
    }

    public long count() {
        Long count = jdbc.queryForObject("select count(*) from app_user", Long.class);
        return count == null ? 0 : count;
    }

    public void create(String username, String rawPassword, Set<Role> roles, String createdBy) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new IllegalArgumentException("a username is 2 to 64 letters, digits, '.', '_', '@' or '-'");
        }
        if (rawPassword == null || rawPassword.length() < 12) {
            throw new IllegalArgumentException("a password has at least 12 characters");
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        if (exists(username)) {
            throw new IllegalArgumentException("user " + username + " exists");
        }
        jdbc.update("insert into app_user (username, password_hash, roles, enabled, failed_attempts, created_at, created_by) values (?,?,?,true,0,?,?)",
                username, encoder.encode(rawPassword), Role.format(roles), Jdbc.timestamp(clock.instant()), createdBy);
    }

    public List<LocalUser> list() {
        return jdbc.query("select username, roles, enabled, locked_until, created_at, created_by from app_user order by username",
                (rows, i) -> new LocalUser(rows.getString(1), Role.parse(rows.getString(2)), rows.getBoolean(3),
                        Jdbc.instant(rows, 4), Jdbc.instant(rows, 5), rows.getString(6)));
    }

    /** Counts a failed sign-in; at the limit the account is locked for the configured time. Returns true when it locked. */
    public boolean failedSignIn(String username) {
        jdbc.update("update app_user set failed_attempts = failed_attempts + 1 where username = ?", username);
        Integer failures = jdbc.query("select failed_attempts from app_user where username = ?",
                rows -> rows.next() ? rows.getInt(1) : null, username);
        if (failures != null && failures >= properties.maxFailedLogins()) {
            jdbc.update("update app_user set locked_until = ?, failed_attempts = 0 where username = ?",
                    Jdbc.timestamp(clock.instant().plus(properties.lockout())), username);
            return true;
        }
        return false;
    }

    public void succeededSignIn(String username) {
        jdbc.update("update app_user set failed_attempts = 0 where username = ? and failed_attempts > 0", username);
    }
}
