package org.imarchive.connectors.whatsappcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.platformapi.PlatformRefusedException;
import org.imarchive.connectors.platformapi.PlatformResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sending a text through Meta's WhatsApp Cloud API: {@code POST {graph}/{phone_number_id}/messages} with a bearer
 * token, answered {@code {"messages": [{"id": "wamid..."}]}}. The gateway's outbound id travels as
 * {@code biz_opaque_callback_data}, which Meta echoes on every status webhook of the message, so the statuses are
 * archived under the message the gateway archived before sending. Graph refuses with
 * {@code {"error": {"message", "type", "code", "fbtrace_id"}}}.
 */
public final class GraphMessagesApi {
    static final String PLATFORM = "WhatsApp Cloud API";
    /** Prefix of the {@code biz_opaque_callback_data} the gateway sets, so a status naming it is known to be ours. */
    public static final String OUTBOUND_CALLBACK_PREFIX = "imarchive-outbound:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformHttp http;
    private final String graphUrl;
    private final String authorization;

    /**
     * @param graphUrl    the Graph API base with its version, e.g. {@code https://graph.facebook.com/v21.0}
     * @param accessToken a system-user access token with whatsapp_business_messaging
     */
    public GraphMessagesApi(PlatformHttp http, URI graphUrl, String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("gateway.whatsapp-cloud.access-token must be set to send through the Cloud API");
        }
        this.http = http;
        this.graphUrl = graphUrl.toString().replaceAll("/+$", "");
        this.authorization = "Bearer " + accessToken;
    }

    /**
     * @param phoneNumberId the business phone number's id at Meta (the account id the archive uses)
     * @param to            the customer's WhatsApp id or number
     * @param replyTo       the wamid this answers, or null
     * @param outboundId    the gateway's id of this message
     */
    public SentMessage sendText(String phoneNumberId, String to, String text, String replyTo, String outboundId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", to);
        body.put("type", "text");
        body.putObject("text").put("body", text);
        if (replyTo != null) {
            body.putObject("context").put("message_id", replyTo);
        }
        body.put("biz_opaque_callback_data", OUTBOUND_CALLBACK_PREFIX + outboundId);
        HttpRequest request = HttpRequest.newBuilder(URI.create(graphUrl + "/" + URLEncoder.encode(phoneNumberId, StandardCharsets.UTF_8) + "/messages"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8)))
                .build();
        PlatformResponse response = http.exchange(PLATFORM, request);
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (!response.isSuccess()) {
            JsonNode error = answer == null ? null : answer.path("error");
            throw new PlatformRefusedException(PLATFORM, response.status(), error == null ? null : error.path("code").asText(null),
                    error == null ? "no readable error" : error.path("message").asText("no message"));
        }
        String wamid = answer == null ? "" : answer.path("messages").path(0).path("id").asText("");
        if (wamid.isEmpty()) {
            throw new PlatformRefusedException(PLATFORM, response.status(), null, "the answer names no message id");
        }
        return new SentMessage(wamid, response.status(), response.body());
    }

    /** Meta's answer to a send: the wamid and the raw body. */
    public record SentMessage(String wamid, int httpStatus, byte[] responseBody) {
    }
}
