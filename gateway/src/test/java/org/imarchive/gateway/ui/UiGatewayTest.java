package org.imarchive.gateway.ui;

import org.imarchive.gateway.support.GatewaySettings;
import org.imarchive.gateway.support.TestFiles;

import org.imarchive.gateway.support.TwilioRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One whole gateway for the UI tests, on a port of its own: the starter policies, no random sample (so the queue
 * holds exactly the flagged messages), and two supervision groups: wealth (reviewers rita and rm-anna, supervisor sam)
 * supervises rm-anna, who owns the Twilio business number; retail (reviewer rex) supervises rm-bob.
 * A short conversation of rm-anna's arrives once through signed Twilio webhooks, with one message in the middle that
 * trips the off-channel lexicon.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@AutoConfigureMockMvc
abstract class UiGatewayTest {
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String USER_PASSWORD = "user-password-for-tests";
    static final String RM = "rm-anna";
    static final String CUSTOMER = "+447700900555";
    static final List<String> BEFORE = List.of("Good morning Anna, about the bond fund", "Yes, I read the factsheet you sent");
    static final String FLAGGED = "Can you text me on my personal number instead?";
    static final List<String> AFTER = List.of("Sure, but let us keep it here please", "Thanks, talk tomorrow");
    static final Path dataDir = TestFiles.tempDir("ui-gateway-test");
    static final Path policiesDir = TestFiles.starterPolicies("ui-policies");
    static final int port = TestFiles.freePort();
    private static boolean conversationSent;

    @Autowired
    TestRestTemplate http;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void gatewaySettings(DynamicPropertyRegistry registry) {
        GatewaySettings.register(registry, port, dataDir, ADMIN_PASSWORD);
        registry.add("gateway.accounts.approved[0].platform", () -> "whatsapp");
        registry.add("gateway.accounts.approved[0].account-id", () -> TwilioRequests.BUSINESS_NUMBER);
        registry.add("gateway.accounts.approved[0].owner", () -> RM);
        registry.add("gateway.supervision.policies-dir", () -> policiesDir.toString());
        registry.add("gateway.supervision.sample-rate", () -> "0");
        registry.add("gateway.supervision.groups[0].name", () -> "wealth");
        registry.add("gateway.supervision.groups[0].members", () -> "rita,rm-anna,sam");
        registry.add("gateway.supervision.groups[0].rms", () -> RM);
        registry.add("gateway.supervision.groups[1].name", () -> "retail");
        registry.add("gateway.supervision.groups[1].members", () -> "rex");
        registry.add("gateway.supervision.groups[1].rms", () -> "rm-bob");
    }

    /** The users of every test, created once through the API as an administrator would; and the conversation. */
    void prepare() {
        ensureUser("compliance", "COMPLIANCE");
        ensureUser("auditor", "AUDITOR");
        ensureUser("rita", "REVIEWER");
        ensureUser("rex", "REVIEWER");
        ensureUser("sam", "SUPERVISOR");
        ensureUser(RM, "REVIEWER");
        if (conversationSent) {
            return;
        }
        int sid = 0;
        for (String text : BEFORE) {
            send(++sid, text);
        }
        send(++sid, FLAGGED);
        for (String text : AFTER) {
            send(++sid, text);
        }
        long sent = sid;
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from review_scan") >= sent);
        conversationSent = true;
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user.equals("admin") ? ADMIN_PASSWORD : USER_PASSWORD);
    }

    /** The review item of the flagged message. */
    String flaggedItem() {
        return jdbc.queryForObject("select i.item_id from review_item i join message m on m.message_id = i.message_id"
                + " where m.platform_message_id = ?", String.class, sid(BEFORE.size() + 1));
    }

    String flaggedMessage() {
        return jdbc.queryForObject("select message_id from message where platform_message_id = ?", String.class, sid(BEFORE.size() + 1));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> itemThroughApi(String user, String itemId) {
        return as(user).getForObject("/api/review/items/" + itemId, Map.class);
    }

    private void send(int sid, String text) {
        String path = "/webhooks/twilio/messages";
        Map<String, String> form = TwilioRequests.inboundText(sid(sid), CUSTOMER, text);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-Twilio-Signature", TwilioRequests.signature("http://127.0.0.1:" + port + path, form));
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(TwilioRequests.formBody(form), headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        // each committed before the next is sent, so the conversation is in the order sent
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from message where platform_message_id = '" + sid(sid) + "'") == 1);
    }

    static String sid(int n) {
        return String.format("SMui%030d", n);
    }

    long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private void ensureUser(String username, String role) {
        ResponseEntity<List> users = as("admin").getForEntity("/api/admin/users", List.class);
        if (users.getBody().stream().noneMatch(u -> username.equals(((Map<?, ?>) u).get("username")))) {
            ResponseEntity<Map> created = as("admin").postForEntity("/api/admin/users",
                    Map.of("username", username, "password", USER_PASSWORD, "roles", List.of(role)), Map.class);
            assertThat(created.getStatusCode().is2xxSuccessful()).as("create " + username).isTrue();
        }
    }
}
