package org.imarchive.connectors.whatsappcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.platformapi.PlatformRefusedException;
import org.imarchive.connectors.platformapi.RetryPolicy;
import org.imarchive.connectors.platformapi.StandInServer;
import org.imarchive.connectors.platformapi.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphMessagesApiTest {
    private static final String OUTBOUND_ID = "0193a5e4-0000-7000-8000-000000000001";
    private final StandInServer graph = StandInServer.start();
    private final GraphMessagesApi api = new GraphMessagesApi(
            new PlatformHttp(HttpClient.newHttpClient(), new RetryPolicy(2, Duration.ZERO, Duration.ZERO), d -> { }),
            graph.uri().resolve("/v21.0"), "access-token");

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aTextIsSentWithOurIdAsCallbackDataAndTheWamidIsRead() throws Exception {
        graph.onSequence("POST", "/v21.0/106540352242922/messages", Reply.json(200, "{\"messaging_product\":\"whatsapp\","
                + "\"contacts\":[{\"input\":\"447700900123\",\"wa_id\":\"447700900123\"}],\"messages\":[{\"id\":\"wamid.HBgLNDQ3NzAwOTAwMTIzFQIAERgSQjA=\"}]}"));

        GraphMessagesApi.SentMessage sent = api.sendText("106540352242922", "447700900123", "Bonjour", "wamid.PREVIOUS", OUTBOUND_ID);

        assertThat(sent.wamid()).isEqualTo("wamid.HBgLNDQ3NzAwOTAwMTIzFQIAERgSQjA=");
        StandInServer.Request request = graph.requests().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer access-token");
        JsonNode body = new ObjectMapper().readTree(request.body());
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("to").asText()).isEqualTo("447700900123");
        assertThat(body.path("type").asText()).isEqualTo("text");
        assertThat(body.path("text").path("body").asText()).isEqualTo("Bonjour");
        assertThat(body.path("context").path("message_id").asText()).isEqualTo("wamid.PREVIOUS");
        assertThat(body.path("biz_opaque_callback_data").asText()).isEqualTo("imarchive-outbound:" + OUTBOUND_ID);
    }

    @Test
    void graphsRefusalCarriesItsCodeAndMessage() {
        graph.onSequence("POST", "/v21.0/106540352242922/messages", Reply.json(400, "{\"error\":{\"message\":\"(#131030) Recipient phone number"
                + " not in allowed list\",\"type\":\"OAuthException\",\"code\":131030,\"fbtrace_id\":\"AbC\"}}"));

        assertThatThrownBy(() -> api.sendText("106540352242922", "1", "x", null, OUTBOUND_ID))
                .isInstanceOfSatisfying(PlatformRefusedException.class, e -> assertThat(e.errorCode()).isEqualTo("131030"))
                .hasMessageContaining("not in allowed list");
    }

    @Test
    void aStatusEchoingOurCallbackDataIsKeyedByTheGatewaysId() {
        String webhook = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":{"
                + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"106540352242922\"},"
                + "\"statuses\":[{\"id\":\"wamid.X\",\"status\":\"delivered\",\"timestamp\":\"1764064800\",\"recipient_id\":\"447700900123\","
                + "\"biz_opaque_callback_data\":\"imarchive-outbound:" + OUTBOUND_ID + "\"},"
                + "{\"id\":\"wamid.Y\",\"status\":\"read\",\"timestamp\":\"1764064801\",\"recipient_id\":\"447700900123\","
                + "\"biz_opaque_callback_data\":\"someone-elses-data\"}]}}]}]}";

        var records = new WhatsAppCloudNormalizer().normalize(new CaptureRecord(1, CapturedPayload.of(WhatsAppCloudNormalizer.SOURCE,
                Instant.parse("2026-11-25T12:00:00Z"), Map.of(), webhook.getBytes(StandardCharsets.UTF_8))));

        assertThat(records).extracting(r -> ((DeliveryEvent) r).messageKey().platformMessageId())
                .containsExactly("gateway:" + OUTBOUND_ID, "wamid.Y");
    }
}
