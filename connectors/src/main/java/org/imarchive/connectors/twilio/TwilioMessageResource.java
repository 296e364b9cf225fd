package org.imarchive.connectors.twilio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.pipeline.MalformedPayloadException;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One message resource of Twilio's Messages API, read: {@code sid}, {@code from}/{@code to} ({@code whatsapp:+E164}),
 * {@code direction} ({@code inbound}, {@code outbound-api}, {@code outbound-reply}, {@code outbound-call}), the
 * RFC 2822 dates, {@code num_media} and the media list URI. Who is the business and who the customer follows from
 * the direction.
 */
record TwilioMessageResource(JsonNode json) {
    private static final String WHATSAPP = "whatsapp:";
    // Duplicate keys are refused: a body with two "body" members could show a reviewer one and an index the other.
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static TwilioMessageResource parse(byte[] bytes) {
        try {
            JsonNode json = JSON.readTree(bytes);
            if (json == null || !json.isObject()) {
                throw new MalformedPayloadException("Twilio message resource is not a JSON object");
            }
            return new TwilioMessageResource(json);
        } catch (JsonProcessingException e) {
            throw new MalformedPayloadException("Twilio message resource is not JSON (error at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new MalformedPayloadException("Twilio message resource cannot be read");
        }
    }

    String sid() {
        return required("sid");
    }

    Direction direction() {
        return required("direction").equals("inbound") ? Direction.INBOUND : Direction.OUTBOUND;
    }

    /** True when both ends are WhatsApp addresses: the Messages API lists SMS and MMS of the account as well. */
    boolean isWhatsApp() {
        return json.path("from").asText("").startsWith(WHATSAPP) && json.path("to").asText("").startsWith(WHATSAPP);
    }

    /** The firm's number: the receiver of an inbound message, the sender of an outbound one. */
    String businessNumber() {
        return address(direction() == Direction.INBOUND ? required("to") : required("from"));
    }

    String customerNumber() {
        return address(direction() == Direction.INBOUND ? required("from") : required("to"));
    }

    /** When Twilio sent (or received) it; a queued message has no date_sent yet, so its creation date stands in. */
    Instant sentAt() {
        Instant sent = date("date_sent");
        return sent != null ? sent : date("date_created");
    }

    Instant updatedAt() {
        return date("date_updated");
    }

    String text(String field) {
        JsonNode value = json.path(field);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    int numMedia() {
        try {
            return Integer.parseInt(json.path("num_media").asText("0"));
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException("Twilio message resource has a num_media that is not a number");
        }
    }

    String mediaListUri() {
        return json.path("subresource_uris").path("media").asText(null);
    }

    private String required(String field) {
        String value = json.path(field).asText("");
        if (value.isEmpty()) {
            throw new MalformedPayloadException("Twilio message resource has no " + field);
        }
        return value;
    }

    /** Twilio writes dates in RFC 2822 form: {@code Thu, 24 Aug 2023 05:01:45 +0000}. */
    private Instant date(String field) {
        String value = text(field);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedPayloadException("Twilio message resource has a " + field + " that is not an RFC 2822 date");
        }
    }

    private static String address(String value) {
        return value.startsWith(WHATSAPP) ? value.substring(WHATSAPP.length()) : value;
    }
}
