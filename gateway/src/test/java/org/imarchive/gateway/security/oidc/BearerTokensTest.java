package org.imarchive.gateway.security.oidc;

import org.imarchive.gateway.security.Role;
import org.imarchive.gateway.security.SignInSourcesProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTest {

    @Test
    void anIssuerWithoutAnAudienceStopsStartUpNamingTheKey() {
        assertThatThrownBy(() -> new BearerTokens(sources(List.of(), null), null)).hasMessageContaining("gateway.security.oidc.audiences");
        assertThat(new BearerTokens(sources(List.of(), "imarchive-web"), null).enabled()).as("the client id is an audience").isTrue();
    }

    @Test
    void aTokenIsNamedByItsUsernameClaimOrElseItsSubjectAndHoldsOnlyMappedRoles() {
        BearerTokens tokens = new BearerTokens(sources(List.of("imarchive"), null), null);
        Jwt named = jwt(Map.of("sub", "5f1c", "preferred_username", "olga", "groups", List.of("archive-compliance", "ADMIN")));
        assertThat(tokens.authenticationOf(named).getName()).isEqualTo("olga");
        assertThat(tokens.authenticationOf(named).getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_COMPLIANCE");
        assertThat(tokens.authenticationOf(jwt(Map.of("sub", "5f1c"))).getName()).isEqualTo("5f1c");
        assertThat(tokens.authenticationOf(jwt(Map.of("sub", "5f1c"))).getAuthorities()).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        return new Jwt("token", Instant.now(), Instant.now().plusSeconds(60), Map.of("alg", "RS256"), claims);
    }

    private static SignInSourcesProperties sources(List<String> audiences, String clientId) {
        SignInSourcesProperties.Oidc oidc = new SignInSourcesProperties.Oidc("https://login.example.com", null, audiences, "groups",
                "preferred_username", clientId, null, List.of("openid"), Map.of());
        SignInSourcesProperties.Ldap noDirectory = new SignInSourcesProperties.Ldap(null, "", null, "", null, null, null, "", "(member={0})",
                "cn", false, 3, Map.of());
        return new SignInSourcesProperties(Map.of("archive-compliance", Set.of(Role.COMPLIANCE)), noDirectory, oidc);
    }
}
