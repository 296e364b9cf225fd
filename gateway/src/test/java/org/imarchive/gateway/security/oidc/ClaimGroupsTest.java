package org.imarchive.gateway.security.oidc;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimGroupsTest {

    @Test
    void aListClaimIsTheGroups() {
        assertThat(ClaimGroups.in(Map.of("groups", List.of("archive-compliance", "everyone")), "groups"))
                .containsExactly("archive-compliance", "everyone");
    }

    @Test
    void aDottedPathReachesANestedClaimAsKeycloakSendsItsRoles() {
        Map<String, Object> claims = Map.of("realm_access", Map.of("roles", List.of("archive-auditors")));
        assertThat(ClaimGroups.in(claims, "realm_access.roles")).containsExactly("archive-auditors");
    }

    @Test
    void aSingleStringIsOneGroupAndAMissingOrOddClaimIsNone() {
        assertThat(ClaimGroups.in(Map.of("groups", "archive-compliance"), "groups")).containsExactly("archive-compliance");
        assertThat(ClaimGroups.in(Map.of(), "groups")).isEmpty();
        assertThat(ClaimGroups.in(Map.of("groups", 42), "groups")).isEmpty();
        assertThat(ClaimGroups.in(Map.of("realm_access", "flat"), "realm_access.roles")).isEmpty();
    }
}
