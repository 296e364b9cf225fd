package org.imarchive.gateway.security.ldap;

import org.imarchive.gateway.security.GroupRoleMapping;
import org.imarchive.gateway.security.SignInSourcesProperties;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.DefaultLdapAuthoritiesPopulator;
import org.springframework.security.ldap.userdetails.NestedLdapAuthoritiesPopulator;

import java.util.List;

/**
 * Builds the bind authentication for {@code gateway.security.ldap.*}: find the user's DN (by pattern or by search),
 * bind with their password, search their groups, and keep only the roles the group mapping grants. The directory's
 * group names never become authorities themselves, so a group called "ADMIN" grants nothing unless mapped.
 */
public final class DirectoryBind {

    private DirectoryBind() {
    }

    public static LdapAuthenticationProvider provider(SignInSourcesProperties.Ldap settings, GroupRoleMapping mapping) {
        DefaultSpringSecurityContextSource directory = new DefaultSpringSecurityContextSource(List.of(settings.url()), settings.base());
        if (settings.managerDn() != null && !settings.managerDn().isBlank()) {
            directory.setUserDn(settings.managerDn());
            directory.setPassword(settings.managerPassword() == null ? "" : settings.managerPassword());
        }
        directory.afterPropertiesSet();

        BindAuthenticator authenticator = new BindAuthenticator(directory);
        boolean byPattern = settings.userDnPattern() != null && !settings.userDnPattern().isBlank();
        boolean bySearch = settings.userSearchFilter() != null && !settings.userSearchFilter().isBlank();
        if (!byPattern && !bySearch) {
            throw new IllegalStateException("gateway.security.ldap: set user-dn-pattern (e.g. uid={0},ou=people) or user-search-filter"
                    + " (e.g. (sAMAccountName={0})) so the gateway can find the user to bind as");
        }
        if (byPattern) {
            authenticator.setUserDnPatterns(new String[] {settings.userDnPattern()});
        }
        if (bySearch) {
            authenticator.setUserSearch(new FilterBasedLdapUserSearch(settings.userSearchBase(), settings.userSearchFilter(), directory));
        }

        DefaultLdapAuthoritiesPopulator groups;
        if (settings.nestedGroups()) {
            NestedLdapAuthoritiesPopulator nested = new NestedLdapAuthoritiesPopulator(directory, settings.groupSearchBase());
            nested.setMaxSearchDepth(settings.nestedGroupDepth());
            groups = nested;
        } else {
            groups = new DefaultLdapAuthoritiesPopulator(directory, settings.groupSearchBase());
        }
        groups.setGroupSearchFilter(settings.groupSearchFilter());
        groups.setGroupRoleAttribute(settings.groupNameAttribute());
        groups.setRolePrefix("");
        groups.setConvertToUpperCase(false);
        groups.setSearchSubtree(true);
        // Active Directory answers a subtree search from the domain root with referrals the gateway need not follow
        groups.setIgnorePartialResultException(true);

        LdapAuthenticationProvider provider = new LdapAuthenticationProvider(authenticator, groups);
        provider.setAuthoritiesMapper(found -> mapping.rolesFor(found.stream().map(GrantedAuthority::getAuthority).toList()).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList());
        return provider;
    }
}
