package org.imarchive.gateway.security;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lockout for people who sign in with a directory password: the same limit and duration as for local users
 * ({@code gateway.security.max-failed-logins}, {@code lockout}), kept in memory because the directory, not our
 * database, holds these accounts. A restart forgets the count; the directory's own lockout policy still applies.
 * Only names the directory was asked about are kept, and the oldest are dropped past {@link #MAX_TRACKED_NAMES}, so
 * guessing names cannot grow the map without bound.
 */
@Component
public class DirectoryLockout {
    static final int MAX_TRACKED_NAMES = 10_000;

    private final SecurityProperties properties;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant lastAt, Instant lockedUntil) {
    }

    public DirectoryLockout(SecurityProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    public boolean isLocked(String username) {
        Failures current = failures.get(key(username));
        return current != null && current.lockedUntil() != null && current.lockedUntil().isAfter(clock.instant());
    }

    /** Counts a failed directory sign-in; returns true when this failure locked the name. */
    public boolean failed(String username) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED_NAMES) {
            forgetOldest();
        }
        boolean[] lockedNow = {false};
        failures.compute(key(username), (name, before) -> {
            if (before != null && before.lockedUntil() != null && before.lockedUntil().isAfter(now)) {
                return before;
            }
            int count = (before == null || before.lockedUntil() != null ? 0 : before.count()) + 1;
            if (count >= properties.maxFailedLogins()) {
                lockedNow[0] = true;
                return new Failures(count, now, now.plus(properties.lockout()));
            }
            return new Failures(count, now, null);
        });
        return lockedNow[0];
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    int trackedNames() {
        return failures.size();
    }

    private void forgetOldest() {
        failures.entrySet().stream()
                .filter(entry -> !isLocked(entry.getKey()))
                .min(Map.Entry.comparingByValue((a, b) -> a.lastAt().compareTo(b.lastAt())))
                .ifPresent(oldest -> failures.remove(oldest.getKey()));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
