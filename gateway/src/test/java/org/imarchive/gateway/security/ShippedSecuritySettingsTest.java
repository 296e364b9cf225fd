package org.imarchive.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped {@code config/application.yml} binds, with the enterprise sign-in sources off until configured. */
class ShippedSecuritySettingsTest {

    @Test
    void theShippedSettingsLeaveDirectoryAndOidcOff() throws IOException {
        SignInSourcesProperties sources = bind("../config/application.yml");
        assertThat(sources.ldap().enabled()).isFalse();
        assertThat(sources.oidc().enabled()).isFalse();
        assertThat(sources.oidc().browserSignInEnabled()).isFalse();
        assertThat(sources.groupRoles()).isEmpty();
    }

    @Test
    void groupRolesBindFromYamlWithBracketedKeysKeepingTheirSpaces() throws IOException {
        SignInSourcesProperties sources = bind("src/test/resources/security/enterprise-settings.yml");
        assertThat(sources.groupRoles()).containsEntry("archive-compliance", java.util.Set.of(Role.COMPLIANCE))
                .containsEntry("Wealth Management RMs", java.util.Set.of(Role.RM));
        assertThat(GroupRoleMapping.of(sources.groupRoles()).rolesFor(List.of("wealth management rms"))).containsExactly(Role.RM);
        assertThat(sources.ldap().userDnPattern()).isEqualTo("uid={0},ou=people");
        assertThat(sources.oidc().acceptedAudiences()).containsExactly("imarchive");
        assertThat(sources.oidc().groupsClaim()).isEqualTo("realm_access.roles");
    }

    private static SignInSourcesProperties bind(String file) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new FileSystemResource(file))) {
            environment.getPropertySources().addLast(source);
        }
        return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("gateway.security", SignInSourcesProperties.class);
    }
}
