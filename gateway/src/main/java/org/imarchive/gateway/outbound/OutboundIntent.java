package org.imarchive.gateway.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imarchive.archive.pipeline.MalformedPayloadException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * A message a relationship manager asked the gateway to send, as it is journaled before anything else happens: who
 * asked, from which approved account, to whom, and the text. The journal keeps these bytes; the archive derives the
 * outbound message from them.
 *
 * @param outboundId  our id of the send (a UUIDv7), which the platform echoes back where it can
 * @param account     the approved account it is sent from (Twilio number, Meta phone_number_id, Telegram business connection)
 * @param to          the customer (E.164 number, WhatsApp id, Telegram chat id)
 * @param replyTo     the platform message id it answers, or null
 */
public record OutboundIntent(String outboundId, OutboundChannel channel, String account, String to, String text, String replyTo,
                             String requestedBy, Instant requestedAt) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public OutboundIntent {
        Objects.requireNonNull(outboundId, "outboundId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
    }

    public byte[] toJson() {
        ObjectNode json = JSON.createObjectNode();
        json.put("outboundId", outboundId);
        json.put("channel", channel.wireName());
        json.put("platform", channel.platform().wireName());
        json.put("account", account);
        json.put("to", to);
        json.put("text", text);
        if (replyTo != null) {
            json.put("replyTo", replyTo);
        }
        json.put("requestedBy", requestedBy);
        json.put("requestedAt", requestedAt.toString());
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static OutboundIntent parse(byte[] bytes) {
        JsonNode json;
        try {
            json = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new MalformedPayloadException("outbound request is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw new MalformedPayloadException("outbound request is not a JSON object");
        }
        OutboundChannel channel = OutboundChannel.byWireName(required(json, "channel"))
                .orElseThrow(() -> new MalformedPayloadException("outbound request names an unknown channel"));
        try {
            return new OutboundIntent(required(json, "outboundId"), channel, required(json, "account"), required(json, "to"),
                    json.path("text").asText(""), json.path("replyTo").asText(null), required(json, "requestedBy"),
                    Instant.parse(required(json, "requestedAt")));
        } catch (DateTimeParseException e) {
            throw new MalformedPayloadException("outbound request has a requestedAt that is not an instant");
        }
    }

    private static String required(JsonNode json, String field) {
        String value = json.path(field).asText("");
        if (value.isEmpty()) {
            throw new MalformedPayloadException("outbound request has no " + field);
        }
        return value;
    }
}
