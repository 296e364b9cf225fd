package org.imarchive.gateway.security;

import org.imarchive.gateway.security.ldap.DirectoryBind;
import org.imarchive.gateway.security.ldap.DirectorySignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.authentication.configuration.GlobalAuthenticationConfigurerAdapter;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password sign-in sources, in order: the local users, then the directory when {@code gateway.security.ldap.url}
 * is set. They make up the application's global authentication manager, which every filter chain that checks a
 * password uses unless it is given another (HTTP Basic on the API, a form login on the UI), so a person signs in the
 * same way everywhere. Bearer tokens are not passwords: see {@code oidc}.
 */
@Configuration
public class SignInSources {

    @Bean
    GlobalAuthenticationConfigurerAdapter passwordSignInSources(ObjectProvider<LocalUsers> localUsers, ObjectProvider<PasswordEncoder> encoder,
                                                                ObjectProvider<DirectoryLockout> lockout, SignInSourcesProperties sources) {
        return new GlobalAuthenticationConfigurerAdapter() {
            @Override
            public void init(AuthenticationManagerBuilder auth) {
                // providers added here, before Spring's own defaults run, replace the single-UserDetailsService default
                DaoAuthenticationProvider local = new DaoAuthenticationProvider(localUsers.getObject());
                local.setPasswordEncoder(encoder.getObject());
                auth.authenticationProvider(local);
                if (sources.ldap().enabled()) {
                    GroupRoleMapping mapping = GroupRoleMapping.preferring(sources.ldap().groupRoles(), sources.groupRoles());
                    auth.authenticationProvider(new DirectorySignIn(DirectoryBind.provider(sources.ldap(), mapping),
                            localUsers.getObject(), lockout.getObject()));
                }
            }
        };
    }
}
