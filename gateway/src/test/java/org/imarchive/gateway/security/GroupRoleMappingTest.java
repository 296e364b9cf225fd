package org.imarchive.gateway.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GroupRoleMappingTest {
    static final Map<String, Set<Role>> SHARED = Map.of(
            "Archive-Compliance", Set.of(Role.COMPLIANCE),
            "it-admins", Set.of(Role.ADMIN),
            "archive-reviewers", Set.of(Role.REVIEWER));

    @Test
    void groupsMapToTheUnionOfTheirRolesWhateverTheirCase() {
        GroupRoleMapping mapping = GroupRoleMapping.of(SHARED);
        assertThat(mapping.rolesFor(List.of("archive-compliance", "IT-ADMINS"))).containsExactlyInAnyOrder(Role.COMPLIANCE, Role.ADMIN);
    }

    @Test
    void anUnmappedGroupGrantsNothing() {
        assertThat(GroupRoleMapping.of(SHARED).rolesFor(List.of("marketing", "ADMIN", "ROLE_ADMIN"))).isEmpty();
    }

    @Test
    void aSourcesOwnMappingReplacesTheSharedOneInsteadOfAddingToIt() {
        GroupRoleMapping own = GroupRoleMapping.preferring(Map.of("oidc-compliance", Set.of(Role.COMPLIANCE)), SHARED);
        assertThat(own.rolesFor(List.of("oidc-compliance"))).containsExactly(Role.COMPLIANCE);
        assertThat(own.rolesFor(List.of("it-admins"))).as("the shared mapping does not apply beside a source's own").isEmpty();
        assertThat(GroupRoleMapping.preferring(Map.of(), SHARED).rolesFor(List.of("it-admins"))).containsExactly(Role.ADMIN);
    }

    @Test
    void aGroupMappedToNoRoleIsAMistakeNamedAtStartUp() {
        assertThatThrownBy(() -> GroupRoleMapping.of(Map.of("traders", Set.of()))).hasMessageContaining("traders");
    }
}
