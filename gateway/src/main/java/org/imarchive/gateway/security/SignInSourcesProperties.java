package org.imarchive.gateway.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code gateway.security.group-roles}, {@code gateway.security.ldap.*} and {@code gateway.security.oidc.*}: the
 * enterprise sign-in sources beside the local users. Each is off until its address is set.
 *
 * @param groupRoles the group → roles mapping both sources use unless they have their own
 */
@Validated
@ConfigurationProperties("gateway.security")
public record SignInSourcesProperties(
        @DefaultValue Map<String, Set<Role>> groupRoles,
        @Valid @DefaultValue Ldap ldap,
        @Valid @DefaultValue Oidc oidc) {

    /**
     * An LDAP directory or Active Directory, by bind: the user's own password is checked by binding as the user.
     *
     * @param url              e.g. {@code ldaps://ldap.example.com:636}; empty: LDAP is off
     * @param base             the root every other DN and search base is relative to, e.g. {@code dc=example,dc=com}
     * @param userDnPattern    the DN to bind as, {@code {0}} the username, e.g. {@code uid={0},ou=people}; one value, not a
     *                         list, because a DN's own commas would split it; or find the user by a search
     * @param userSearchBase   where to search for the user when no pattern is given
     * @param userSearchFilter e.g. {@code (uid={0})}, or {@code (sAMAccountName={0})} on Active Directory
     * @param managerDn        who searches, when anonymous search is not allowed; its password from the environment
     * @param groupSearchBase  where the groups are
     * @param groupSearchFilter {@code {0}} the user's DN, {@code {1}} the username; e.g. {@code (member={0})}, or on
     *                         Active Directory {@code (member:1.2.840.113556.1.4.1941:={0})} for nested groups
     * @param groupNameAttribute the group attribute that names it in {@code group-roles}
     * @param nestedGroups     also count the groups a user's groups are in (walked by the gateway, up to
     *                         {@code nested-group-depth}); off: direct membership only
     * @param groupRoles       this directory's own mapping, replacing the shared one
     */
    public record Ldap(String url,
                       @DefaultValue("") String base,
                       String userDnPattern,
                       @DefaultValue("") String userSearchBase,
                       String userSearchFilter,
                       String managerDn,
                       String managerPassword,
                       @DefaultValue("") String groupSearchBase,
                       @NotBlank @DefaultValue("(member={0})") String groupSearchFilter,
                       @NotBlank @DefaultValue("cn") String groupNameAttribute,
                       @DefaultValue("false") boolean nestedGroups,
                       @Positive @DefaultValue("3") int nestedGroupDepth,
                       @DefaultValue Map<String, Set<Role>> groupRoles) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * An OpenID Connect provider: bearer tokens (JWTs) for the API, and the client registration for a browser sign-in.
     *
     * @param issuerUri     the issuer, exactly as tokens name it; its {@code /.well-known/openid-configuration} is read;
     *                      empty: OIDC is off
     * @param jwkSetUri     the signing keys, when they are not where the discovery document says
     * @param audiences     a token must be meant for one of these ({@code aud}); empty: the client id
     * @param groupsClaim   the claim listing the person's groups; a dotted path reaches into an object
     *                      ({@code realm_access.roles})
     * @param usernameClaim the claim that names the person as supervision groups and the audit trail know them; a token
     *                      without it is named by {@code sub}
     * @param clientId      for the browser sign-in (authorization code flow); empty: no browser sign-in
     * @param clientSecret  from the environment
     * @param groupRoles    this provider's own mapping, replacing the shared one
     */
    public record Oidc(String issuerUri,
                       String jwkSetUri,
                       @DefaultValue List<String> audiences,
                       @NotBlank @DefaultValue("groups") String groupsClaim,
                       @NotBlank @DefaultValue("preferred_username") String usernameClaim,
                       String clientId,
                       String clientSecret,
                       @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                       @DefaultValue Map<String, Set<Role>> groupRoles) {

        public boolean enabled() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        public boolean browserSignInEnabled() {
            return enabled() && clientId != null && !clientId.isBlank();
        }

        /** The audiences a token may name: the configured ones, else the client id. */
        public List<String> acceptedAudiences() {
            if (!audiences.isEmpty()) {
                return audiences;
            }
            return clientId == null || clientId.isBlank() ? List.of() : List.of(clientId);
        }
    }
}
