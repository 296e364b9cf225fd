package org.imarchive.gateway.outbound;

import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReconciliationGatewayTest extends OutboundGatewayTest {
    private static final String CUSTOMER = "+447700900456";
    private static final String SENT_AT = "Tue, 24 Nov 2026 10:00:00 +0000";

    private ResponseEntity<Map> reconcile(String user) {
        return as(user).postForEntity("/api/reconciliations",
                Map.of("channel", "twilio", "account", BUSINESS, "from", "2026-11-24", "to", "2026-11-24"), Map.class);
    }

    private void receiveInbound(String sid, String text) {
        Map<String, String> form = TwilioRequests.inboundText(sid, CUSTOMER, text);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-Twilio-Signature", TwilioRequests.signature("http://127.0.0.1:" + port + "/webhooks/twilio/messages", form));
        assertThat(http.exchange("/webhooks/twilio/messages", HttpMethod.POST, new HttpEntity<>(TwilioRequests.formBody(form), headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void reconciliationArchivesExactlyTheMessagesTheArchiveLacked() {
        receiveInbound("SMrecon00000000000000000000000001", "received by webhook");
        messageIdOf("SMrecon00000000000000000000000001");
        ResponseEntity<Map> sent = as("rm1").postForEntity("/api/messages/send",
                Map.of("platform", "whatsapp", "account", BUSINESS, "to", CUSTOMER, "text", "sent by the gateway"), Map.class);
        String sentSid = (String) sent.getBody().get("platformMessageId");
        platforms.twilioList(List.of(
                StandInPlatforms.resource("SMrecon00000000000000000000000001", "inbound", "whatsapp:" + CUSTOMER, "whatsapp:" + BUSINESS,
                        "received by webhook", SENT_AT, "received"),
                StandInPlatforms.resource(sentSid, "outbound-api", "whatsapp:" + BUSINESS, "whatsapp:" + CUSTOMER, "sent by the gateway", SENT_AT, "delivered"),
                StandInPlatforms.resource("SMrecon00000000000000000000000002", "inbound", "whatsapp:" + CUSTOMER, "whatsapp:" + BUSINESS,
                        "the webhook never came", SENT_AT, "received"),
                StandInPlatforms.resource("SMrecon00000000000000000000000003", "inbound", CUSTOMER, BUSINESS, "an SMS, not WhatsApp", SENT_AT, "received"),
                StandInPlatforms.resource("SMrecon00000000000000000000000004", "outbound-api", "whatsapp:" + BUSINESS, "whatsapp:" + CUSTOMER,
                        "sent from Twilio's console", SENT_AT, "read")));

        ResponseEntity<Map> run = reconcile("compliance1");

        assertThat(run.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> report = run.getBody();
        assertThat(report).containsEntry("state", "complete").containsEntry("listed", 4).containsEntry("alreadyArchived", 2)
                .containsEntry("missingCount", 2).containsEntry("committed", true);
        assertThat((List<Map<String, Object>>) report.get("missing")).extracting(m -> m.get("sid"))
                .containsExactly("SMrecon00000000000000000000000002", "SMrecon00000000000000000000000004");
        assertThat(platforms.calls("GET", StandInPlatforms.MESSAGES)).anySatisfy(call -> assertThat(call.queryParams()).containsKey("PageToken"));

        Map<String, Object> recovered = as("compliance1").getForObject("/api/messages/" + messageIdOf("SMrecon00000000000000000000000004"), Map.class);
        assertThat(recovered).containsEntry("direction", "outbound").containsEntry("text", "sent from Twilio's console");
        assertThat((Map<String, Object>) recovered.get("provenance")).containsEntry("source", "poll");
        assertThat((List<Map<String, Object>>) recovered.get("deliveries")).extracting(d -> d.get("status")).containsExactly("read");
        assertThat(jdbc.queryForObject("select count(*) from message where platform_message_id = ?", Integer.class, "SMrecon00000000000000000000000003"))
                .as("the SMS is not archived").isZero();

        Map<String, Object> stored = as("compliance1").getForObject("/api/reconciliations/" + report.get("id"), Map.class);
        assertThat(stored).containsEntry("missingCount", 2).containsEntry("id", report.get("id"));

        assertThat(reconcile("compliance1").getBody()).as("a second run finds the archive complete").containsEntry("missingCount", 0);
    }

    @Test
    void anRmCannotRunAReconciliation() {
        assertThat(reconcile("rm1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
