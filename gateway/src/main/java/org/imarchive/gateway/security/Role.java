package org.imarchive.gateway.security;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The roles. Separation of duties: an admin manages users, accounts and configuration but reads no message unless
 * also granted compliance; an auditor reads the audit trail and the archive, and changes nothing. A relationship
 * manager (RM) sends through the gateway from the approved accounts they own, and reads nothing of the archive.
 */
public enum Role {
    ADMIN, COMPLIANCE, SUPERVISOR, REVIEWER, AUDITOR, RM;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Set<Role> parse(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return EnumSet.noneOf(Role.class);
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> {
                    try {
                        return Role.valueOf(s.toUpperCase(Locale.ROOT));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("unknown role '" + s + "'; roles are " + Arrays.toString(values()));
                    }
                })
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    public static String format(Set<Role> roles) {
        return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
    }
}
