package org.imarchive.gateway.ui;

import org.imarchive.gateway.security.LocalUsers;
import org.imarchive.gateway.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may open which page, with the same separation of duties as the API; forms refused without their CSRF token;
 * form sign-in with its cookie, idle timeout, audit entries and the lockout of the API's users.
 */
class UiAccessTest extends UiGatewayTest {
    /** Each page and the roles that may open it; every other role gets 403. */
    static final Map<String, Set<Role>> PAGES = pages();

    @Autowired
    LocalUsers users;

    @BeforeEach
    void users() {
        prepare();
    }

    private static Map<String, Set<Role>> pages() {
        Set<Role> readers = EnumSet.of(Role.COMPLIANCE, Role.SUPERVISOR, Role.REVIEWER, Role.AUDITOR);
        Map<String, Set<Role>> pages = new LinkedHashMap<>();
        pages.put("/ui/queue", readers);
        pages.put("/ui/search", readers);
        pages.put("/ui/exports", EnumSet.of(Role.COMPLIANCE));
        pages.put("/ui/holds", EnumSet.of(Role.COMPLIANCE, Role.AUDITOR));
        pages.put("/ui/audit", EnumSet.of(Role.ADMIN, Role.AUDITOR));
        pages.put("/ui/admin/users", EnumSet.of(Role.ADMIN));
        pages.put("/ui/admin/groups", EnumSet.of(Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR));
        pages.put("/ui/accounts", EnumSet.of(Role.ADMIN, Role.COMPLIANCE, Role.AUDITOR));
        return pages;
    }

    private static RequestPostProcessor as(Role role) {
        return SecurityMockMvcRequestPostProcessors.user(role.name().toLowerCase()).roles(role.name());
    }

    @Test
    void eachPageOpensForItsRolesAndNoOther() throws Exception {
        for (Map.Entry<String, Set<Role>> page : PAGES.entrySet()) {
            for (Role role : Role.values()) {
                int expected = page.getValue().contains(role) ? 200 : 403;
                int actual = mvc.perform(get(page.getKey()).with(as(role))).andReturn().getResponse().getStatus();
                assertThat(actual).as(role + " GET " + page.getKey()).isEqualTo(expected);
            }
        }
    }

    @Test
    void withoutSigningInEveryPageLeadsToTheSignInPage() throws Exception {
        for (String page : PAGES.keySet()) {
            mvc.perform(get(page)).andExpect(status().isFound()).andExpect(redirectedUrl("http://localhost/login"));
        }
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void anAdminWithoutComplianceReadsNoMessage() throws Exception {
        for (String path : List.of("/ui/items/" + flaggedItem(), "/ui/messages/" + flaggedMessage(), "/ui/blobs/" + flaggedMessage() + "/abc",
                "/ui/search?q=personal")) {
            mvc.perform(get(path).with(as(Role.ADMIN))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aReviewerOfAnotherGroupFindsNeitherTheItemNorTheMessage() throws Exception {
        mvc.perform(get("/ui/items/" + flaggedItem()).with(SecurityMockMvcRequestPostProcessors.user("rex").roles("REVIEWER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/ui/messages/" + flaggedMessage()).with(SecurityMockMvcRequestPostProcessors.user("rex").roles("REVIEWER")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/ui/queue").with(SecurityMockMvcRequestPostProcessors.user("rex").roles("REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(flaggedItem()))));
        mvc.perform(get("/ui/messages/" + flaggedMessage()).with(SecurityMockMvcRequestPostProcessors.user("rita").roles("REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(FLAGGED)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFormIsRefusedWithoutItsCsrfToken() throws Exception {
        String item = flaggedItem();
        mvc.perform(post("/login").param("username", "rita").param("password", USER_PASSWORD)).andExpect(status().isForbidden());
        mvc.perform(post("/ui/items/" + item + "/decision").param("outcome", "no_issue").param("comment", "fine")
                .with(SecurityMockMvcRequestPostProcessors.user("rita").roles("REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(post("/ui/items/" + item + "/comments").param("comment", "note")
                .with(SecurityMockMvcRequestPostProcessors.user("rita").roles("REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(post("/ui/exports").param("matter", "m").with(as(Role.COMPLIANCE))).andExpect(status().isForbidden());
        mvc.perform(post("/ui/holds").param("matter", "m").param("reason", "r").param("custodians", RM).with(as(Role.COMPLIANCE)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ui/admin/users").param("username", "mallory").param("password", "mallory-password-1").param("roles", "ADMIN")
                .with(as(Role.ADMIN))).andExpect(status().isForbidden());
        mvc.perform(post("/ui/accounts").param("account", "+15550009999").with(as(Role.ADMIN))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(as(Role.REVIEWER))).andExpect(status().isForbidden());
        assertThat(users.exists("mallory")).isFalse();
        assertThat((List<Map<String, Object>>) itemThroughApi("compliance", item).get("decisions"))
                .noneSatisfy(decision -> assertThat(decision).containsEntry("comment", "fine"));
    }

    @Test
    void aRoleThatMayNotDecideIsRefusedEvenWithItsToken() throws Exception {
        String item = flaggedItem();
        for (Role role : List.of(Role.ADMIN, Role.AUDITOR, Role.RM)) {
            mvc.perform(post("/ui/items/" + item + "/decision").param("outcome", "no_issue").param("comment", "fine").with(as(role)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(decisionsBy(item, "admin", "auditor", "rm")).isZero();
    }

    @Test
    void theRmOfTheMessageCannotDecideItThroughThePagesEither() throws Exception {
        String item = flaggedItem();
        mvc.perform(post("/ui/items/" + item + "/decision").param("outcome", "no_issue").param("comment", "all fine").param("pos", "0")
                        .with(SecurityMockMvcRequestPostProcessors.user(RM).roles("REVIEWER")).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/ui/items/" + item + "?pos=0&state=open"))
                .andExpect(flash().attribute("error", containsString("never reviews their own messages")))
                .andExpect(flash().attribute("comment", "all fine"));
        assertThat(decisionsBy(item, RM)).isZero();
    }

    @Test
    @SuppressWarnings("unchecked")
    void formSignInSetsAStrictHttpOnlySessionCookieAndIsAudited() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String session = cookie(page.headers().allValues("Set-Cookie"), "JSESSIONID");
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));

        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("username=sam&password=" + USER_PASSWORD + "&_csrf=" + token.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/ui"));
        String setCookie = signedIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        assertThat(cookie(signedIn.headers().allValues("Set-Cookie"), "JSESSIONID")).as("a new session id at sign-in").isNotEqualTo(session);
        assertThat(as("auditor").getForObject("/api/audit?actor=sam&action=sign-in&size=5", Map.class).get("items"))
                .asList().anySatisfy(entry -> assertThat((Map<String, Object>) entry).containsEntry("outcome", "success").containsEntry("details", "web"));
    }

    @Test
    void aBrowserWhoseSessionTimedOutIsSentToSignInAgainWithTheReason() throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> expired = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ui/queue"))
                .header("Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(302);
        assertThat(expired.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login?expired"));
        String session = cookie(expired.headers().allValues("Set-Cookie"), "JSESSIONID");
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login?expired"))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.body()).contains("Your session ended after a period of inactivity");
    }

    @Test
    void theIdleTimeoutIsTheConfiguredOne() throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user("rita").password(USER_PASSWORD))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/ui")).andReturn();
        assertThat(result.getRequest().getSession().getMaxInactiveInterval()).isEqualTo((int) Duration.ofMinutes(15).toSeconds());
        mvc.perform(get("/ui").session((org.springframework.mock.web.MockHttpSession) result.getRequest().getSession()))
                .andExpect(redirectedUrl("/ui/queue"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void repeatedFailuresLockTheAccountForFormSignInToo() throws Exception {
        users.create("locky", USER_PASSWORD, EnumSet.of(Role.REVIEWER), "test");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("locky").password("wrong-password-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("locky").password(USER_PASSWORD)).andExpect(redirectedUrl("/login?error"));
        assertThat(as("auditor").getForObject("/api/audit?actor=locky&action=sign-in&size=10", Map.class).get("items"))
                .asList().anySatisfy(entry -> assertThat(((Map<String, Object>) entry).get("details")).asString().contains("account locked"));
    }

    @Test
    void signingOutEndsTheSessionAndIsAudited() throws Exception {
        MvcResult signedIn = mvc.perform(formLogin("/login").user("sam").password(USER_PASSWORD)).andReturn();
        org.springframework.mock.web.MockHttpSession session = (org.springframework.mock.web.MockHttpSession) signedIn.getRequest().getSession();
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?signedOut"));
        mvc.perform(get("/ui/queue").session(session)).andExpect(redirectedUrl("http://localhost/login"));
        assertThat(as("auditor").getForObject("/api/audit?actor=sam&action=sign-out&size=5", Map.class).get("items")).asList().isNotEmpty();
    }

    @Test
    void pagesCarryAStrictContentSecurityPolicy() throws Exception {
        mvc.perform(get("/ui/queue").with(as(Role.REVIEWER)))
                .andExpect(header().string("Content-Security-Policy", UiSecurityConfiguration.CONTENT_SECURITY_POLICY))
                .andExpect(header().string("X-Frame-Options", "DENY"));
    }

    @Test
    void aDecisionWithoutItsReasonGoesBackToTheItemWithTheReason() throws Exception {
        String item = flaggedItem();
        mvc.perform(post("/ui/items/" + item + "/decision").param("outcome", "no_issue").param("comment", " ")
                        .with(as(Role.COMPLIANCE)).with(csrf()))
                .andExpect(redirectedUrl("/ui/items/" + item + "?state=open"))
                .andExpect(flash().attribute("error", containsString("comment")));
    }

    @SuppressWarnings("unchecked")
    private long decisionsBy(String item, String... users) {
        List<Map<String, Object>> decisions = (List<Map<String, Object>>) itemThroughApi("compliance", item).get("decisions");
        return decisions.stream().filter(d -> List.of(users).contains(d.get("decidedBy"))).count();
    }

    private static String cookie(List<String> setCookies, String name) {
        return setCookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).orElseThrow();
    }
}
