package org.imarchive.gateway.outbound;

import org.imarchive.archive.audit.AuditEntry;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SendThroughGatewayTest extends OutboundGatewayTest {
    private static final String CUSTOMER = "+447700900123";

    @Autowired
    AuditLog audit;

    private ResponseEntity<Map> send(String user, Map<String, String> request) {
        return as(user).postForEntity("/api/messages/send", request, Map.class);
    }

    private static Map<String, String> whatsapp(String account, String text) {
        return Map.of("platform", "whatsapp", "channel", "twilio", "account", account, "to", CUSTOMER, "text", text);
    }

    private Map<String, Object> message(String id) {
        return as("compliance1").getForObject("/api/messages/" + id, Map.class);
    }

    @Test
    void aSentMessageIsArchivedBeforeTwilioSeesItAndItsStatusesReachIt() {
        AtomicReference<String> archivedWhenTwilioWasCalled = new AtomicReference<>();
        platforms.onTwilioCreate(call -> {
            String outboundId = call.form().get("StatusCallback").replaceAll(".*imarchiveOutbound=", "");
            archivedWhenTwilioWasCalled.set(jdbc.queryForList("select direction from message where platform_message_id = ? and original_captured = true",
                    String.class, "gateway:" + outboundId).stream().findFirst().orElse("not archived"));
        });

        ResponseEntity<Map> sent = send("rm1", whatsapp(BUSINESS, "Your quote: 4.2% fixed"));

        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(archivedWhenTwilioWasCalled.get()).isEqualTo("outbound");
        String sid = (String) sent.getBody().get("platformMessageId");
        StandInPlatforms.Call create = platforms.calls("POST", StandInPlatforms.MESSAGES).stream()
                .filter(c -> c.form().get("Body").equals("Your quote: 4.2% fixed")).findFirst().orElseThrow();
        assertThat(create.form()).containsEntry("From", "whatsapp:" + BUSINESS).containsEntry("To", "whatsapp:" + CUSTOMER);
        String messageId = (String) sent.getBody().get("messageId");
        Map<String, Object> archived = message(messageId);
        assertThat(archived).containsEntry("direction", "outbound").containsEntry("text", "Your quote: 4.2% fixed")
                .containsEntry("channel", "twilio").containsEntry("platformConversationId", CUSTOMER);
        assertThat((List<Map<String, Object>>) archived.get("deliveries")).extracting(d -> d.get("status")).containsExactly("accepted");

        Map<String, String> status = new TreeMap<>(Map.of("MessageSid", sid, "SmsSid", sid, "MessageStatus", "delivered", "SmsStatus", "delivered",
                "From", "whatsapp:" + BUSINESS, "To", "whatsapp:" + CUSTOMER, "AccountSid", StandInPlatforms.ACCOUNT_SID,
                "ChannelPrefix", "whatsapp", "ApiVersion", "2010-04-01"));
        assertThat(postTwilioStatus(create.form().get("StatusCallback"), status).getStatusCode()).isEqualTo(HttpStatus.OK);

        await(() -> ((List<Map<String, Object>>) message(messageId).get("deliveries")).stream().anyMatch(d -> d.get("status").equals("delivered")),
                "the delivered status on the sent message");
        assertThat(jdbc.queryForObject("select count(*) from message where platform_message_id = ?", Integer.class, sid))
                .as("no second message for Twilio's sid").isZero();
        List<AuditEntry> sends = audit.page(new AuditQuery("rm1", "message.send", null, null, null, 50));
        assertThat(sends).anySatisfy(entry -> assertThat(entry.details()).contains("message=" + messageId, "platformMessageId=" + sid, "state=accepted"));
    }

    @Test
    void aRefusalByTwilioIs502AndTheAttemptStaysArchivedWithTwiliosReason() {
        platforms.onTwilioCreate(call -> { });
        platforms.refuseNextTwilioCreate("{\"code\": 63016, \"message\": \"Failed to send freeform message because you are outside the allowed window.\","
                + " \"more_info\": \"https://www.twilio.com/docs/errors/63016\", \"status\": 400}");

        ResponseEntity<Map> sent = send("rm1", whatsapp(BUSINESS, "Outside the 24h window"));

        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(sent.getBody()).containsEntry("state", "failed").containsEntry("errorCode", "63016");
        assertThat((String) sent.getBody().get("reason")).contains("outside the allowed window");
        Map<String, Object> archived = message((String) sent.getBody().get("messageId"));
        assertThat(archived).containsEntry("direction", "outbound").containsEntry("text", "Outside the 24h window");
        assertThat((List<Map<String, Object>>) archived.get("deliveries")).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("status", "failed").containsEntry("errorCode", "63016"));
    }

    @Test
    void nothingIsSentOrArchivedFromAnAccountThatIsNotApproved() {
        int creates = platforms.calls("POST", StandInPlatforms.MESSAGES).size();

        ResponseEntity<Map> sent = send("rm1", whatsapp("+15559999999", "shadow account"));

        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(platforms.calls("POST", StandInPlatforms.MESSAGES)).hasSize(creates);
        assertThat(audit.page(new AuditQuery("rm1", "message.send", null, null, null, 50)))
                .anySatisfy(entry -> assertThat(entry.outcome().wireName()).isEqualTo("refused"));
    }

    @Test
    void anRmSendsOnlyFromTheirOwnAccounts() {
        assertThat(send("rm2", whatsapp(BUSINESS, "not mine")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void onlyTheRmRoleSends() {
        assertThat(send("compliance1", whatsapp(BUSINESS, "compliance may not send")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aTelegramMessageIsSentThroughTheBusinessConnection() {
        ResponseEntity<Map> sent = send("rm1", Map.of("platform", "telegram", "account", CONNECTION, "to", "777", "text", "Bonjour Léa",
                "replyTo", "777:10"));

        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        StandInPlatforms.Call call = platforms.calls("POST", "/bot" + StandInPlatforms.BOT_TOKEN + "/sendMessage").get(0);
        assertThat(call.json().path("business_connection_id").asText()).isEqualTo(CONNECTION);
        assertThat(call.json().path("reply_parameters").path("message_id").asLong()).isEqualTo(10);
        assertThat((String) sent.getBody().get("platformMessageId")).startsWith("777:");
        Map<String, Object> archived = message((String) sent.getBody().get("messageId"));
        assertThat(archived).containsEntry("platform", "telegram").containsEntry("direction", "outbound").containsEntry("replyToPlatformMessageId", "777:10");
    }

    @Test
    void aReplyTwilioCannotQuoteIsRefusedBeforeAnythingIsArchived() {
        Map<String, String> request = new TreeMap<>(whatsapp(BUSINESS, "quoted"));
        request.put("replyTo", "SM123");

        assertThat(send("rm1", request).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
