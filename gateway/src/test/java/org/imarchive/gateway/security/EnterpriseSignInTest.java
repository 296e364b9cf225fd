package org.imarchive.gateway.security;

import org.imarchive.gateway.support.TestFiles;

import io.micrometer.core.instrument.MeterRegistry;
import org.imarchive.gateway.security.ldap.InMemoryDirectory;
import org.imarchive.gateway.security.oidc.BrowserSignIn;
import org.imarchive.gateway.security.oidc.StandInIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole gateway signing people in from a directory (UnboundID's in-memory server, loaded from an LDIF) and from an
 * OpenID Connect provider (a stand-in speaking discovery, JWKS and the authorization code flow), beside its local users,
 * on the API and in the reviewers' web UI. Its own port and data directory, since its settings differ from the shared
 * gateway's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class EnterpriseSignInTest {
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String AUDIENCE = "imarchive-api";
    static final InMemoryDirectory directory = InMemoryDirectory.start();
    static final StandInIssuer issuer = StandInIssuer.start();
    static final Path dataDir = TestFiles.tempDir("enterprise-sign-in-test");
    static final int port = TestFiles.freePort();

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ClientRegistrationRepository registrations;

    @Autowired
    @Qualifier("oidcLoginAuthorities")
    GrantedAuthoritiesMapper loginAuthorities;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> port);
        registry.add("gateway.public-url", () -> "http://127.0.0.1:" + port);
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.security.bootstrap-admin.password", () -> ADMIN_PASSWORD);
        InMemoryDirectory.GROUP_ROLES.forEach((group, roles) -> registry.add("gateway.security.group-roles." + group,
                () -> roles.stream().map(Role::name).collect(Collectors.joining(","))));
        registry.add("gateway.security.group-roles.archive-auditors", () -> "AUDITOR");
        registry.add("gateway.security.ldap.url", directory::url);
        registry.add("gateway.security.ldap.base", () -> InMemoryDirectory.BASE);
        registry.add("gateway.security.ldap.user-dn-pattern", () -> "uid={0},ou=people");
        registry.add("gateway.security.ldap.group-search-base", () -> "ou=groups");
        registry.add("gateway.security.oidc.issuer-uri", issuer::issuer);
        registry.add("gateway.security.oidc.audiences", () -> AUDIENCE);
        registry.add("gateway.security.oidc.client-id", () -> "imarchive-web");
        registry.add("gateway.security.oidc.client-secret", () -> "client-secret-for-tests");
    }

    @AfterAll
    static void stop() {
        directory.close();
        issuer.close();
    }

    @Test
    void aDirectoryPersonSignsInWithTheirPasswordAndGetsTheRolesOfTheirGroups() {
        assertThat(basic("cora", "cora-directory-password", "/api/messages").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(basic("cora", "cora-directory-password", "/api/admin/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(basic("sven", "sven-directory-password", "/api/review/items").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(basic("sven", "sven-directory-password", "/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aDirectoryPersonInNoMappedGroupIsRefusedEverything() {
        assertThat(basic("uma", "uma-directory-password", "/api/messages").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(basic("uma", "uma-directory-password", "/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void wrongDirectoryPasswordsAreRefusedAuditedAndLockTheNameLikeALocalUsers() {
        double refusedBefore = refused("password");
        for (int i = 0; i < 5; i++) {
            assertThat(basic("rhea", "wrong-password-" + i, "/api/review/items").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(basic("rhea", "rhea-directory-password", "/api/review/items").getStatusCode())
                .as("the right password no longer works while locked").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(audit("rhea", "sign-in")).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(entry -> assertThat(entry.get("outcome").toString()).isEqualToIgnoringCase("refused"))
                .anySatisfy(entry -> assertThat((String) entry.get("details")).contains("locked"));
        assertThat(refused("password") - refusedBefore).isEqualTo(6);
    }

    @Test
    void localUsersKeepSigningInBesideTheDirectory() {
        assertThat(basic("admin", ADMIN_PASSWORD, "/api/admin/users").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aLocalNameIsNeverLookedUpInTheDirectory() {
        assertThat(basic("admin", "admin-directory-password", "/api/admin/users").getStatusCode())
                .as("the directory's 'admin' may not sign in as the local bootstrap administrator").isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aValidBearerTokenSignsInWithTheRolesOfItsGroupsUnderItsUsername() {
        String token = issuer.token("olga", List.of("archive-compliance"), AUDIENCE);
        assertThat(bearer(token, "/api/messages?q=olgas-search").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bearer(token, "/api/admin/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(audit("olga", "search")).anySatisfy(entry -> assertThat((String) entry.get("details")).contains("olgas-search"));
        assertThat(bearer(issuer.token("otto", List.of("archive-auditors"), AUDIENCE), "/api/audit").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aTokenFromAnotherIssuerForAnotherAudienceExpiredOrBadlySignedIsRefusedCountedAndAudited() {
        List<String> groups = List.of("archive-compliance");
        Map<String, String> refusedTokens = Map.of(
                "wrong issuer", issuer.tokenFromIssuer("https://elsewhere.example", "olga", groups, AUDIENCE),
                "wrong audience", issuer.token("olga", groups, "another-application"),
                "expired", issuer.expiredToken("olga", groups, AUDIENCE),
                "bad signature", issuer.tokenSignedByAnotherKey("olga", groups, AUDIENCE),
                "not a JWT", "not-a-token");
        double before = refused("bearer");
        long auditedBefore = bearerRefusalsAudited();
        refusedTokens.forEach((why, token) -> {
            ResponseEntity<String> response = bearer(token, "/api/messages");
            assertThat(response.getStatusCode()).as(why).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst("WWW-Authenticate")).as(why).startsWith("Bearer");
        });
        assertThat(refused("bearer") - before).isEqualTo(refusedTokens.size());
        assertThat(bearerRefusalsAudited() - auditedBefore).isEqualTo(refusedTokens.size());
        for (String token : refusedTokens.values()) {
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor like ? or details like ?", Long.class,
                    "%" + token + "%", "%" + token + "%")).as("a token is a credential and never goes on the trail").isZero();
        }
    }

    @Test
    void aRequestWithoutCredentialsIsToldItMaySendAPasswordOrABearerToken() {
        ResponseEntity<String> response = http.getForEntity("/api/messages", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().get("WWW-Authenticate")).containsExactly("Basic realm=\"imarchive\"", "Bearer realm=\"imarchive\"");
    }

    @Test
    void aTokenWhoseGroupsAreNotMappedCarriesNoRoleAndIsRefusedEverything() {
        String token = issuer.token("mona", List.of("marketing", "everyone"), AUDIENCE);
        assertThat(bearer(token, "/api/messages").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bearer(token, "/api/admin/users").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theBrowserSignInIsRegisteredFromTheIssuersDiscoveryAndMapsGroupsToRoles() {
        ClientRegistration registration = registrations.findByRegistrationId(BrowserSignIn.REGISTRATION_ID);
        assertThat(registration.getClientId()).isEqualTo("imarchive-web");
        assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer.issuer() + "/authorize");
        assertThat(registration.getProviderDetails().getJwkSetUri()).isEqualTo(issuer.issuer() + "/jwks");
        assertThat(registration.getScopes()).contains("openid");

        OidcIdToken idToken = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                StandInIssuer.idTokenClaims("olga", List.of("Archive-Compliance", "marketing")));
        assertThat(loginAuthorities.mapAuthorities(List.of(new OidcUserAuthority(idToken))).stream().map(GrantedAuthority::getAuthority))
                .containsExactly("ROLE_COMPLIANCE");
    }

    @Test
    void theSignInPageOffersTheOrganisationsSignIn() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.follow("/ui");
        assertThat(browser.visited).containsExactly("/login");
        assertThat(page.body()).contains("Sign in with your organisation").contains("href=\"/oauth2/authorization/oidc\"");
    }

    @Test
    void aBrowserSignsInThroughTheProviderAndLandsOnTheUiWithTheRolesOfItsGroups() throws Exception {
        issuer.signInNext("olga", List.of("archive-compliance", "marketing"));
        Browser browser = new Browser();
        browser.follow("/ui");
        HttpResponse<String> landed = browser.follow("/oauth2/authorization/oidc");
        assertThat(browser.visited).containsExactly("/authorize", "/login/oauth2/code/oidc", "/ui", "/ui/queue");
        assertThat(landed.statusCode()).as("compliance works the queue").isEqualTo(200);
        assertThat(browser.follow("/ui/audit").statusCode()).as("the audit page is for admins and auditors").isEqualTo(403);
        assertThat(audit("olga", "sign-in")).anySatisfy(entry -> {
            assertThat(entry.get("outcome").toString()).isEqualToIgnoringCase("success");
            assertThat((String) entry.get("details")).isEqualTo("web");
        });
    }

    @Test
    void theSessionCookieComesBackFromTheProvidersSiteSoItIsLaxNotStrict() throws Exception {
        HttpResponse<String> start = new Browser().client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/oauth2/authorization/oidc")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(start.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void aBrowserSignedInThroughTheProviderWithNoMappedGroupIsRefusedTheUi() throws Exception {
        issuer.signInNext("mona", List.of("marketing", "everyone"));
        Browser browser = new Browser();
        HttpResponse<String> landed = browser.follow("/oauth2/authorization/oidc");
        assertThat(browser.visited).containsExactly("/authorize", "/login/oauth2/code/oidc", "/ui");
        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(browser.follow("/ui/queue").statusCode()).isEqualTo(403);
    }

    @Test
    void aDirectoryPersonSignsInToTheUiByFormWithTheirDirectoryPassword() throws Exception {
        Browser cora = new Browser();
        assertThat(cora.signInByForm("cora", "cora-directory-password").statusCode()).isEqualTo(200);
        assertThat(cora.visited).containsExactly("/ui", "/ui/queue");
        Browser impostor = new Browser();
        assertThat(impostor.signInByForm("cora", "not-her-password").body()).contains("Wrong username or password");
        assertThat(impostor.visited).containsExactly("/login");
    }

    @Test
    void signingOutOfTheUiAfterTheProvidersSignInEndsTheSessionAtTheProviderToo() throws Exception {
        issuer.signInNext("oscar", List.of("archive-compliance"));
        Browser browser = new Browser();
        HttpResponse<String> queue = browser.follow("/oauth2/authorization/oidc");
        int endedBefore = issuer.endedSessions().size();

        HttpResponse<String> signedOut = browser.signOut(queue.body());

        assertThat(browser.visited).containsExactly("/end-session", "/login");
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(issuer.endedSessions()).hasSize(endedBefore + 1).last().satisfies(query -> {
            assertThat(query.get("id_token_hint")).as("the ID token the provider issued, naming whose session ends").isNotBlank();
            assertThat(query.get("post_logout_redirect_uri")).isEqualTo("http://127.0.0.1:" + port + "/login?signedOut");
        });
        browser.follow("/ui/queue");
        assertThat(browser.visited).as("signed out here as well").containsExactly("/login");
        assertThat(audit("oscar", "sign-out")).isNotEmpty();
    }

    @Test
    void someoneWhoSignedInByFormSignsOutHereOnly() throws Exception {
        Browser cora = new Browser();
        HttpResponse<String> queue = cora.signInByForm("cora", "cora-directory-password");
        int endedBefore = issuer.endedSessions().size();

        cora.signOut(queue.body());

        assertThat(cora.visited).containsExactly("/login");
        assertThat(issuer.endedSessions()).hasSize(endedBefore);
    }

    /** A browser without script: keeps its cookies, follows redirects itself and remembers the paths it was sent to. */
    static final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        final List<String> visited = new ArrayList<>();

        HttpResponse<String> follow(String path) throws Exception {
            visited.clear();
            return redirects(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        /** Fills in the UI's own sign-in form, with the CSRF token the page carries. */
        HttpResponse<String> signInByForm(String username, String password) throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(follow("/login").body());
            assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
            String form = "username=" + username + "&password=" + password + "&_csrf=" + token.group(1);
            visited.clear();
            return redirects(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        /** Presses the page's sign-out button: posts its form, with the CSRF token the page carries. */
        HttpResponse<String> signOut(String page) throws Exception {
            Matcher token = Pattern.compile("action=\"/logout\".*?name=\"_csrf\" value=\"([^\"]+)\"", Pattern.DOTALL).matcher(page);
            assertThat(token.find()).as("the page carries a sign-out form with a CSRF token").isTrue();
            visited.clear();
            return redirects(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/logout"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("_csrf=" + token.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        private HttpResponse<String> redirects(HttpResponse<String> response) throws Exception {
            while (response.statusCode() == 302 && visited.size() < 10) {
                URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
                visited.add(next.getPath());
                response = client.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.ofString());
            }
            return response;
        }
    }

    private ResponseEntity<String> basic(String username, String password, String path) {
        return http.withBasicAuth(username, password).getForEntity(path, String.class);
    }

    private ResponseEntity<String> bearer(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    private double refused(String credentials) {
        var counter = meters.find("imarchive.signin.refused").tag("credentials", credentials).counter();
        return counter == null ? 0 : counter.count();
    }

    private long bearerRefusalsAudited() {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'sign-in' and details like 'bearer token refused:%'", Long.class);
    }

    private List<Map<String, Object>> audit(String actor, String action) {
        return jdbc.queryForList("select outcome, details from audit_entry where actor = ? and action = ?", actor, action);
    }
}
