package org.imarchive.gateway.outbound;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A whole gateway whose Twilio and Telegram are one stand-in server, with Telegram in polling mode, a WhatsApp number
 * and a Telegram business connection approved for relationship manager {@code rm1}, and users of the roles the tests
 * act as. Every test class here shares this one context (same settings), so the gateway starts once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
abstract class OutboundGatewayTest {
    static final String PASSWORD = "user-password-for-tests";
    static final String ADMIN_PASSWORD = "admin-password-for-tests";
    static final String BUSINESS = "+15550001111";
    static final String CONNECTION = "BC-stand-in-connection";

    static final StandInPlatforms platforms = new StandInPlatforms();
    static final Path dataDir = TestFiles.tempDir("outbound-gateway-test");
    static final int port = TestFiles.freePort();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> port);
        registry.add("gateway.public-url", () -> "http://127.0.0.1:" + port);
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.security.bootstrap-admin.password", () -> ADMIN_PASSWORD);
        registry.add("gateway.twilio.auth-token", () -> TwilioRequests.AUTH_TOKEN);
        registry.add("gateway.twilio.account-sid", () -> StandInPlatforms.ACCOUNT_SID);
        registry.add("gateway.twilio.api-url", () -> platforms.uri().toString());
        registry.add("gateway.telegram.bot-token", () -> StandInPlatforms.BOT_TOKEN);
        registry.add("gateway.telegram.api-url", () -> platforms.uri().toString());
        registry.add("gateway.telegram.mode", () -> "polling");
        registry.add("gateway.telegram.poll-timeout", () -> "PT1S");
        registry.add("gateway.accounts.approved[0].platform", () -> "whatsapp");
        registry.add("gateway.accounts.approved[0].account-id", () -> BUSINESS);
        registry.add("gateway.accounts.approved[0].owner", () -> "rm1");
        registry.add("gateway.accounts.approved[1].platform", () -> "telegram");
        registry.add("gateway.accounts.approved[1].account-id", () -> CONNECTION);
        registry.add("gateway.accounts.approved[1].owner", () -> "rm1");
    }

    TestRestTemplate as(String user) {
        ensureUser(user);
        return http.withBasicAuth(user, user.equals("admin") ? ADMIN_PASSWORD : PASSWORD);
    }

    /** Users are named for their role and a number: rm1, rm2, compliance1. */
    private void ensureUser(String user) {
        if (user.equals("admin")) {
            return;
        }
        TestRestTemplate admin = http.withBasicAuth("admin", ADMIN_PASSWORD);
        List<?> users = admin.getForObject("/api/admin/users", List.class);
        if (users.stream().noneMatch(u -> user.equals(((Map<?, ?>) u).get("username")))) {
            String role = user.replaceAll("\\d+$", "").toUpperCase();
            ResponseEntity<Map> created = admin.postForEntity("/api/admin/users", Map.of("username", user, "password", PASSWORD, "roles", List.of(role)), Map.class);
            if (!created.getStatusCode().is2xxSuccessful()) {
                throw new IllegalStateException("cannot create user " + user + ": " + created);
            }
        }
    }

    /** Posts a Twilio status callback to the URL Twilio was given, signed as Twilio signs it. */
    ResponseEntity<String> postTwilioStatus(String callbackUrl, Map<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-Twilio-Signature", TwilioRequests.signature(callbackUrl, form));
        String path = callbackUrl.substring(("http://127.0.0.1:" + port).length());
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(TwilioRequests.formBody(form), headers), String.class);
    }

    /** The archive's message id of a platform message id, once it is committed with its content. */
    String messageIdOf(String platformMessageId) {
        return await(() -> jdbc.queryForList("select message_id from message where platform_message_id = ? and original_captured = true",
                String.class, platformMessageId).stream().findFirst().orElse(null), "message " + platformMessageId + " archived");
    }

    static <T> T await(Supplier<T> probe, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }
}
