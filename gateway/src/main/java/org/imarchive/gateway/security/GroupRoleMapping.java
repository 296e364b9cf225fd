package org.imarchive.gateway.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the groups a directory or identity provider says a person is in into our roles. Group names compare without
 * regard to case, since directories do; a group the mapping does not name grants nothing, so a person in no mapped
 * group signs in with no role and is refused everything.
 */
public final class GroupRoleMapping {
    private final Map<String, Set<Role>> rolesByGroup;

    private GroupRoleMapping(Map<String, Set<Role>> rolesByGroup) {
        this.rolesByGroup = rolesByGroup;
    }

    public static GroupRoleMapping of(Map<String, ? extends Collection<Role>> groupRoles) {
        Map<String, Set<Role>> folded = new LinkedHashMap<>();
        groupRoles.forEach((group, roles) -> {
            if (group == null || group.isBlank()) {
                throw new IllegalArgumentException("a group-roles entry needs a group name");
            }
            if (roles == null || roles.isEmpty()) {
                throw new IllegalArgumentException("group '" + group + "' is mapped to no role; remove it or name its roles");
            }
            folded.computeIfAbsent(fold(group), g -> EnumSet.noneOf(Role.class)).addAll(roles);
        });
        return new GroupRoleMapping(folded);
    }

    /**
     * The mapping a sign-in source uses: its own when it has one, otherwise the shared one. Its own replaces the shared
     * one rather than adding to it, so a group name that happens to exist in both the directory and the identity
     * provider cannot grant through one source what was meant for the other.
     */
    public static GroupRoleMapping preferring(Map<String, ? extends Collection<Role>> ownMapping, Map<String, ? extends Collection<Role>> sharedMapping) {
        return of(ownMapping == null || ownMapping.isEmpty() ? (sharedMapping == null ? Map.of() : sharedMapping) : ownMapping);
    }

    public Set<Role> rolesFor(Collection<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups) {
            Set<Role> mapped = group == null ? null : rolesByGroup.get(fold(group));
            if (mapped != null) {
                roles.addAll(mapped);
            }
        }
        return roles;
    }

    public boolean isEmpty() {
        return rolesByGroup.isEmpty();
    }

    private static String fold(String group) {
        return group.trim().toLowerCase(Locale.ROOT);
    }
}
