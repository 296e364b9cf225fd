package org.imarchive.gateway.security.ldap;

import org.imarchive.gateway.security.GroupRoleMapping;
import org.imarchive.gateway.security.SignInSourcesProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bind authentication and group search against a real (in-memory) directory, without the rest of the gateway. */
class DirectoryBindTest {
    static InMemoryDirectory directory;

    @BeforeAll
    static void start() {
        directory = InMemoryDirectory.start();
    }

    @AfterAll
    static void stop() {
        directory.close();
    }

    @Test
    void theRightPasswordSignsInWithTheRolesOfThePersonsGroups() {
        Authentication cora = signIn(directory.byDnPattern(false), "cora", "cora-directory-password");
        assertThat(cora.getName()).isEqualTo("cora");
        assertThat(authorities(cora)).containsExactly("ROLE_COMPLIANCE");
        assertThat(authorities(signIn(directory.byDnPattern(false), "sven", "sven-directory-password"))).containsExactly("ROLE_SUPERVISOR");
    }

    @Test
    void findingThePersonBySearchAsAServiceAccountWorksTheSame() {
        assertThat(authorities(signIn(directory.bySearch(), "rhea", "rhea-directory-password"))).containsExactly("ROLE_REVIEWER");
    }

    @Test
    void aWrongPasswordOrAnUnknownPersonIsRefusedAlike() {
        assertThatThrownBy(() -> signIn(directory.byDnPattern(false), "cora", "not-her-password")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(directory.byDnPattern(false), "nobody", "any-password")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> signIn(directory.bySearch(), "nobody", "any-password")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aGroupNobodyMappedGrantsNothingSoThePersonHasNoRole() {
        Authentication uma = signIn(directory.byDnPattern(false), "uma", "uma-directory-password");
        assertThat(uma.isAuthenticated()).isTrue();
        assertThat(authorities(uma)).as("marketing is not mapped, and a directory group never becomes an authority by its own name").isEmpty();
    }

    @Test
    void nestedGroupsCountOnlyWhenTheSettingSaysSo() {
        assertThat(authorities(signIn(directory.byDnPattern(false), "nina", "nina-directory-password")))
                .as("nina is in desk-reviewers, which is in archive-reviewers: direct membership only by default").isEmpty();
        assertThat(authorities(signIn(directory.byDnPattern(true), "nina", "nina-directory-password"))).containsExactly("ROLE_REVIEWER");
    }

    @Test
    void aSettingThatCannotFindThePersonStopsStartUpNamingTheKey() {
        SignInSourcesProperties.Ldap neither = new SignInSourcesProperties.Ldap(directory.url(), InMemoryDirectory.BASE, null, "", null,
                null, null, "ou=groups", "(member={0})", "cn", false, 3, InMemoryDirectory.GROUP_ROLES);
        assertThatThrownBy(() -> DirectoryBind.provider(neither, GroupRoleMapping.of(InMemoryDirectory.GROUP_ROLES)))
                .hasMessageContaining("gateway.security.ldap").hasMessageContaining("user-dn-pattern");
    }

    private static Authentication signIn(SignInSourcesProperties.Ldap settings, String username, String password) {
        AuthenticationProvider provider = DirectoryBind.provider(settings, GroupRoleMapping.of(settings.groupRoles()));
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    private static Set<String> authorities(Authentication authentication) {
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
