package org.imarchive.gateway.review;

import org.imarchive.gateway.support.GatewaySettings;
import org.imarchive.gateway.support.TestFiles;

import org.imarchive.gateway.support.TwilioRequests;
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
 * A whole gateway as {@code GatewayTest} starts one, with its own port and data directory (two contexts cannot share
 * a port), the starter policies, and two supervision groups: wealth (reviewers rita and rm-anna, supervisor sam, and
 * dora, who has no local account and signs in from the directory) supervises rm-anna, who owns the Twilio business number; retail (reviewer rex) supervises rm-bob.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class ReviewGatewayTest {
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String USER_PASSWORD = "user-password-for-tests";
    static final String RM = "rm-anna";
    static final Path dataDir = TestFiles.tempDir("review-gateway-test");
    static final Path policiesDir = TestFiles.starterPolicies("review-policies");
    static final int port = TestFiles.freePort();

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void gatewaySettings(DynamicPropertyRegistry registry) {
        GatewaySettings.register(registry, port, dataDir, ADMIN_PASSWORD);
        registry.add("gateway.accounts.approved[0].platform", () -> "whatsapp");
        registry.add("gateway.accounts.approved[0].account-id", () -> TwilioRequests.BUSINESS_NUMBER);
        registry.add("gateway.accounts.approved[0].owner", () -> RM);
        registry.add("gateway.supervision.policies-dir", () -> policiesDir.toString());
        registry.add("gateway.supervision.sample-rate", () -> "0.1");
        registry.add("gateway.supervision.groups[0].name", () -> "wealth");
        registry.add("gateway.supervision.groups[0].members", () -> "rita,rm-anna,sam,dora");
        registry.add("gateway.supervision.groups[0].rms", () -> RM);
        registry.add("gateway.supervision.groups[1].name", () -> "retail");
        registry.add("gateway.supervision.groups[1].members", () -> "rex");
        registry.add("gateway.supervision.groups[1].rms", () -> "rm-bob");
    }

    TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user.equals("admin") ? ADMIN_PASSWORD : USER_PASSWORD);
    }

    /** Creates (once per context) a local user with one role. */
    void ensureUser(String username, String role) {
        ResponseEntity<List> users = as("admin").getForEntity("/api/admin/users", List.class);
        if (users.getBody().stream().noneMatch(u -> username.equals(((Map<?, ?>) u).get("username")))) {
            ResponseEntity<Map> created = as("admin").postForEntity("/api/admin/users",
                    Map.of("username", username, "password", USER_PASSWORD, "roles", List.of(role)), Map.class);
            if (!created.getStatusCode().is2xxSuccessful()) {
                throw new IllegalStateException("cannot create user " + username + ": " + created);
            }
        }
    }

    ResponseEntity<String> postSignedTwilio(Map<String, String> form) {
        String path = "/webhooks/twilio/messages";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-Twilio-Signature", TwilioRequests.signature("http://127.0.0.1:" + port + path, form));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(TwilioRequests.formBody(form), headers), String.class);
    }
}
