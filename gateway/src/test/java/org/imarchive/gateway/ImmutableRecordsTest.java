package org.imarchive.gateway;

import org.imarchive.gateway.support.GatewayTest;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SEC 17a-4(f): no API path alters or erases a stored message; each attempt is refused with a reason and audited. */
class ImmutableRecordsTest extends GatewayTest {
    @Autowired
    javax.sql.DataSource dataSource;

    String messageId;

    @BeforeEach
    void archiveOneMessage() {
        ensureUser("compliance");
        ensureUser("auditor");
        String sid = ("SM" + Long.toHexString(System.nanoTime()) + "0".repeat(32)).substring(0, 34);
        ResponseEntity<String> ack = postSignedTwilio("/webhooks/twilio/messages", TwilioRequests.inboundText(sid, "+447700900123", "keep me"));
        assertThat(ack.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(10)).until(() -> findBySid(sid) != null);
        messageId = findBySid(sid);
    }

    @Test
    void everyWriteToAStoredMessageIsRefusedAndAudited() {
        List<String> paths = List.of("/api/messages/" + messageId, "/api/messages/" + messageId + "/versions/1",
                "/api/messages/" + messageId + "/attachments", "/api/messages", "/api/conversations/" + conversationOf(messageId));
        for (String path : paths) {
            for (HttpMethod method : List.of(HttpMethod.DELETE, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.POST)) {
                ResponseEntity<Map> response = as("compliance").exchange(path, method, new HttpEntity<>(Map.of("text", "rewritten")), Map.class);
                assertThat(response.getStatusCode()).as(method + " " + path).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
                assertThat((String) response.getBody().get("reason")).contains("17a-4");
            }
        }
        Map<String, Object> stored = as("compliance").getForObject("/api/messages/" + messageId, Map.class);
        assertThat(stored.get("text")).isEqualTo("keep me");
        assertThat((List<?>) stored.get("versions")).hasSize(1);

        Map<String, Object> audit = as("auditor").getForObject("/api/audit?actor=compliance&action=record.write&size=100", Map.class);
        assertThat((List<?>) audit.get("items")).hasSizeGreaterThanOrEqualTo(paths.size() * 4)
                .allSatisfy(entry -> assertThat(((Map<?, ?>) entry).get("outcome")).isEqualTo("refused"));
    }

    @Test
    void aViewIsAuditedWithWhoAndWhat() {
        as("compliance").getForObject("/api/messages/" + messageId, Map.class);
        Map<String, Object> audit = as("auditor").getForObject("/api/audit?actor=compliance&action=message.view&size=10", Map.class);
        assertThat((List<?>) audit.get("items")).anySatisfy(entry -> {
            assertThat(((Map<?, ?>) entry).get("target")).isEqualTo(messageId);
            assertThat(((Map<?, ?>) entry).get("remoteAddress")).isEqualTo("127.0.0.1");
        });
    }

    private String conversationOf(String id) {
        return (String) as("compliance").getForObject("/api/messages/" + id, Map.class).get("conversationId");
    }

    private String findBySid(String sid) {
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement("select message_id from message where platform_message_id = ?")) {
            select.setString(1, sid);
            try (var rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
