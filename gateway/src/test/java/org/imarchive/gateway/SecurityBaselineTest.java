package org.imarchive.gateway;

import org.imarchive.gateway.support.GatewayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The TeleMessage lesson: nothing open but health, nothing dangerous exposed at all, every refusal audited. */
class SecurityBaselineTest extends GatewayTest {
    @Autowired
    List<SecurityFilterChain> chains;

    @BeforeEach
    void users() {
        ensureUser("compliance");
        ensureUser("auditor");
    }

    @Test
    void healthIsOpenAndUp() {
        ResponseEntity<Map> health = http.getForEntity("/actuator/health", Map.class);
        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(health.getBody()).containsEntry("status", "UP").doesNotContainKey("components");
    }

    @Test
    void dangerousActuatorEndpointsAreNeverExposedEvenToAnAdmin() {
        for (String endpoint : List.of("heapdump", "threaddump", "env", "configprops", "beans", "mappings", "loggers", "shutdown")) {
            assertThat(as("admin").getForEntity("/actuator/" + endpoint, String.class).getStatusCode())
                    .as(endpoint).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(http.getForEntity("/actuator/" + endpoint, String.class).getStatusCode())
                    .as(endpoint + " anonymous").isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void otherManagementEndpointsNeedAnAdmin() {
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("compliance").getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("admin").getForEntity("/actuator/metrics", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void apiNeedsCredentialsAndTheRefusalIsAudited() {
        assertThat(http.getForEntity("/api/messages/0194f5a0-0000-7000-8000-000000000000", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(auditEntries("anonymous", "request")).anySatisfy(entry -> {
            assertThat(entry.get("outcome")).isEqualTo("refused");
            assertThat((String) entry.get("target")).contains("/api/messages/");
        });
    }

    @Test
    void adminReadsNoMessageWithoutTheComplianceRole() {
        assertThat(as("admin").getForEntity("/api/messages/any", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("compliance").getForEntity("/api/messages/any", String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void auditTrailIsForAdminsAndAuditorsOnly() {
        assertThat(as("compliance").getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("auditor").getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("admin").getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void repeatedFailedSignInsLockTheAccount() {
        String user = "locked-" + (System.nanoTime() % 1_000_000);
        as("admin").postForEntity("/api/admin/users", Map.of("username", user, "password", USER_PASSWORD, "roles", List.of("REVIEWER")), Map.class);
        assertThat(http.withBasicAuth(user, USER_PASSWORD).getForEntity("/api/messages/x", String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        for (int i = 0; i < 5; i++) {
            assertThat(http.withBasicAuth(user, "wrong-password-" + i).getForEntity("/api/messages/x", String.class).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(http.withBasicAuth(user, USER_PASSWORD).getForEntity("/api/messages/x", String.class).getStatusCode())
                .as("the right password no longer works while locked").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(auditEntries(user, "sign-in")).anySatisfy(entry -> assertThat((String) entry.get("details")).contains("locked"));
    }

    @Test
    void securityHeadersAreSet() {
        ResponseEntity<String> response = as("auditor").getForEntity("/api/audit", String.class);
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void webhookAnswersCarryTheSecurityHeadersAndNoSession() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.postForEntity("/webhooks/telegram", new HttpEntity<>("{}", headers), String.class);
        assertThat(response.getStatusCode().is4xxClientError()).isTrue();
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.getHeaders().get("Set-Cookie")).isNull();
    }

    /** The busiest path passes the fewest filters: a filter added to the webhook chain must be added here on purpose. */
    @Test
    void theWebhookChainHasNoUserMachinery() {
        MockHttpServletRequest webhook = new MockHttpServletRequest("POST", "/webhooks/telegram");
        webhook.setServletPath("/webhooks");
        webhook.setPathInfo("/telegram");
        SecurityFilterChain chain = chains.stream().filter(candidate -> candidate.matches(webhook)).findFirst().orElseThrow();
        assertThat(chain.getFilters()).extracting(filter -> filter.getClass().getSimpleName())
                .containsExactly("WebAsyncManagerIntegrationFilter", "HeaderWriterFilter", "AuthorizationFilter");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> auditEntries(String actor, String action) {
        Map<String, Object> page = as("auditor").getForObject("/api/audit?actor=" + actor + "&action=" + action + "&size=50", Map.class);
        return (List<Map<String, Object>>) page.get("items");
    }
}
