package org.imarchive.gateway.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A whole gateway on a random port over a fresh data directory, with an administrator, and a user of each role
 * created through the API, as an administrator would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class GatewayTest {
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String USER_PASSWORD = "user-password-for-tests";

    /** One data directory and port for every test class, so they share one cached application context. */
    protected static final Path dataDir = TestFiles.tempDir("gateway-test");

    /** Chosen before start, because Twilio signs the public URL and the gateway must know it. */
    protected static final int port = TestFiles.freePort();

    @Autowired
    protected TestRestTemplate http;

    @DynamicPropertySource
    static void gatewaySettings(DynamicPropertyRegistry registry) {
        GatewaySettings.register(registry, port, dataDir, ADMIN_PASSWORD);
        registry.add("gateway.telegram.bot-token", () -> "7000000001:TEST-bot-token-not-real");
        registry.add("gateway.accounts.approved[0].platform", () -> "whatsapp");
        registry.add("gateway.accounts.approved[0].account-id", () -> TwilioRequests.BUSINESS_NUMBER);
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user.equals("admin") ? ADMIN_PASSWORD : USER_PASSWORD);
    }

    /** Creates (once per context) a user named after its role, e.g. {@code compliance}. */
    protected void ensureUser(String role) {
        ResponseEntity<List> users = as("admin").getForEntity("/api/admin/users", List.class);
        boolean exists = users.getBody() != null && users.getBody().stream().anyMatch(u -> role.equals(((Map<?, ?>) u).get("username")));
        if (!exists) {
            var created = as("admin").postForEntity("/api/admin/users",
                    Map.of("username", role, "password", USER_PASSWORD, "roles", List.of(role.toUpperCase())), Map.class);
            if (!created.getStatusCode().is2xxSuccessful()) {
                throw new IllegalStateException("cannot create user " + role + ": " + created);
            }
        }
    }

    /** Posts a signed Twilio webhook the way Twilio does, against gateway.public-url = this server. */
    protected ResponseEntity<String> postTwilio(String path, Map<String, String> form, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        if (signature != null) {
            headers.add("X-Twilio-Signature", signature);
        }
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(TwilioRequests.formBody(form), headers), String.class);
    }

    protected ResponseEntity<String> postSignedTwilio(String path, Map<String, String> form) {
        return postTwilio(path, form, TwilioRequests.signature(baseUrl() + path, form));
    }
}
