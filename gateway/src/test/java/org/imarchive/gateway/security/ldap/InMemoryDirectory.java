package org.imarchive.gateway.security.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldif.LDIFReader;
import org.imarchive.gateway.security.Role;
import org.imarchive.gateway.security.SignInSourcesProperties;

import java.io.InputStream;
import java.net.InetAddress;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** UnboundID's in-memory directory on a loopback port, loaded from {@code security/directory.ldif}. */
public final class InMemoryDirectory implements AutoCloseable {
    public static final String BASE = "dc=bank,dc=example";
    public static final String MANAGER_DN = "cn=gateway-search,ou=service," + BASE;
    public static final String MANAGER_PASSWORD = "manager-password-for-tests";
    /** The mapping the tests configure: group names as the directory spells them, in any case. */
    public static final Map<String, Set<Role>> GROUP_ROLES = Map.of(
            "archive-compliance", Set.of(Role.COMPLIANCE),
            "archive-supervisors", Set.of(Role.SUPERVISOR),
            "archive-reviewers", Set.of(Role.REVIEWER),
            "it-admins", Set.of(Role.ADMIN, Role.COMPLIANCE));

    private final InMemoryDirectoryServer server;

    private InMemoryDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    public static InMemoryDirectory start() {
        try (InputStream ldif = Objects.requireNonNull(InMemoryDirectory.class.getResourceAsStream("/security/directory.ldif"))) {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null));
            InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
            server.importFromLDIF(true, new LDIFReader(ldif));
            server.startListening();
            return new InMemoryDirectory(server);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-memory directory", e);
        }
    }

    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    /** Bind by DN pattern, groups by {@code (member={0})}, as an OpenLDAP installation is usually set up. */
    public SignInSourcesProperties.Ldap byDnPattern(boolean nestedGroups) {
        return new SignInSourcesProperties.Ldap(url(), BASE, "uid={0},ou=people", "", null, null, null,
                "ou=groups", "(member={0})", "cn", nestedGroups, 3, GROUP_ROLES);
    }

    /** Find the user by a search as a service account, as Active Directory needs ({@code sAMAccountName} there). */
    public SignInSourcesProperties.Ldap bySearch() {
        return new SignInSourcesProperties.Ldap(url(), BASE, null, "ou=people", "(uid={0})", MANAGER_DN, MANAGER_PASSWORD,
                "ou=groups", "(member={0})", "cn", false, 3, GROUP_ROLES);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
