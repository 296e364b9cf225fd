package org.imarchive.gateway.review;

import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A supervisor or reviewer reads only the messages of the RMs in their supervision groups, whichever way they ask:
 * search, the message itself, or its conversation. Outside their groups a message does not exist for them (404),
 * and the attempt is on the audit trail.
 */
class MessageVisibilityTest extends ReviewGatewayTest {
    static final String SID = String.format("SM%032d", 81_001);

    @Autowired
    JdbcTemplate jdbc;

    String messageId;
    String conversationId;

    @BeforeEach
    void aMessageOfRmAnna() {
        ensureUser("compliance", "COMPLIANCE");
        ensureUser("auditor", "AUDITOR");
        ensureUser("rita", "REVIEWER");
        ensureUser("rex", "REVIEWER");
        ensureUser("sam", "SUPERVISOR");
        postSignedTwilio(TwilioRequests.inboundText(SID, "+447700900456", "Is the quarterly statement ready?"));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList("select message_id from message where platform_message_id = ?",
                String.class, SID).size() == 1);
        messageId = jdbc.queryForObject("select message_id from message where platform_message_id = ?", String.class, SID);
        conversationId = (String) as("compliance").getForObject("/api/messages/" + messageId, Map.class).get("conversationId");
    }

    @Test
    void theRmsOwnGroupReadsTheMessageAndItsConversation() {
        for (String user : List.of("rita", "sam", "compliance", "auditor")) {
            assertThat(as(user).getForEntity("/api/messages/" + messageId, Map.class).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(as(user).getForEntity("/api/conversations/" + conversationId, Map.class).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void anotherGroupsReviewerFindsNeitherTheMessageNorItsConversation() {
        assertThat(as("rex").getForEntity("/api/messages/" + messageId, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("rex").getForEntity("/api/conversations/" + conversationId, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("rex").getForEntity("/api/conversations/" + conversationId + "?around=" + messageId, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        await().atMost(Duration.ofSeconds(30)).until(() -> total("compliance", "q=quarterly") > 0);
        assertThat(total("rex", "q=quarterly")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'rex' and action = 'message.view' and lower(outcome) = 'refused'",
                Long.class)).isPositive();
    }

    private long total(String user, String query) {
        return ((Number) as(user).getForObject("/api/messages?" + query, Map.class).get("total")).longValue();
    }
}
