package org.imarchive.gateway;

import org.imarchive.gateway.support.GatewayTest;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The compliance officer's search: a webhook in, found by folded text, audited, and hidden from those who may not see it. */
class SearchApiTest extends GatewayTest {
    static final String SID = "SM" + "5".repeat(32);

    @BeforeEach
    void archive() {
        ensureUser("compliance");
        ensureUser("auditor");
        ensureUser("reviewer");
        assertThat(postSignedTwilio("/webhooks/twilio/messages",
                TwilioRequests.inboundText(SID, "+447700900300", "Grüße aus München: eine garantierte Rendite von 8%")).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    @SuppressWarnings("unchecked")
    void webhookMessageIsFoundByFoldedTextWithHighlights() {
        await().atMost(Duration.ofSeconds(15)).until(() -> total("q=Munchen") > 0);
        Map<String, Object> result = as("compliance").getForObject("/api/messages?q=\"garantierte rendite\"&platform=whatsapp", Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) result.get("items");
        assertThat(items).anySatisfy(item -> {
            assertThat(item.get("platformMessageId")).isEqualTo(SID);
            assertThat(item.get("text")).asString().contains("München");
            assertThat(item.get("channel")).isEqualTo("twilio");
            assertThat(item.get("direction")).isEqualTo("inbound");
            assertThat(item).containsKeys("id", "conversationId", "sender", "sentAt", "highlights");
        });
    }

    @Test
    void syntaxErrorIsA400PointingAtTheError() {
        ResponseEntity<Map> response = as("compliance").getForEntity("/api/messages?q=text:(unclosed", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).containsKeys("reason", "column");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everySearchIsAuditedWithItsQuery() {
        as("compliance").getForObject("/api/messages?q=audit-me-please", Map.class);
        Map<String, Object> audit = as("auditor").getForObject("/api/audit?actor=compliance&action=search&size=20", Map.class);
        assertThat((List<Map<String, Object>>) audit.get("items")).anySatisfy(entry -> assertThat((String) entry.get("details")).contains("q=audit-me-please"));
    }

    @Test
    void aReviewerOutsideEverySupervisionGroupSeesNothing() {
        await().atMost(Duration.ofSeconds(15)).until(() -> total("q=Munchen") > 0);
        Map<?, ?> result = as("reviewer").getForObject("/api/messages?q=Munchen", Map.class);
        assertThat(((Number) result.get("total")).longValue()).isZero();
    }

    private long total(String query) {
        Map<?, ?> result = as("compliance").getForObject("/api/messages?" + query, Map.class);
        return ((Number) result.get("total")).longValue();
    }
}
