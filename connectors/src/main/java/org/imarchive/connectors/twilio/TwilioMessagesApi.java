package org.imarchive.connectors.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.connectors.platformapi.JsonArraySlices;
import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.platformapi.PlatformRefusedException;
import org.imarchive.connectors.platformapi.PlatformResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Twilio's Messages API ({@code /2010-04-01/Accounts/{AccountSid}/Messages.json}): creating a WhatsApp message, and
 * listing an account's messages by date sent, page by page, for reconciliation. Authenticated with the account SID
 * and auth token (HTTP Basic). Twilio refuses with {@code {"code", "message", "more_info", "status"}}, which becomes a
 * {@link PlatformRefusedException} with Twilio's code and message.
 */
public final class TwilioMessagesApi {
    static final String PLATFORM = "Twilio";
    /** Query parameter of the status callback URL naming the gateway's outbound id (see {@link #statusCallbackUrl}). */
    public static final String OUTBOUND_CALLBACK_PARAMETER = "imarchiveOutbound";
    private static final String WHATSAPP = "whatsapp:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformHttp http;
    private final URI apiUrl;
    private final String accountSid;
    private final String authorization;

    /** @param apiUrl {@code https://api.twilio.com} ({@code gateway.twilio.api-url}) */
    public TwilioMessagesApi(PlatformHttp http, URI apiUrl, String accountSid, String authToken) {
        if (accountSid == null || accountSid.isBlank() || authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("gateway.twilio.account-sid and gateway.twilio.auth-token must be set to call Twilio's API");
        }
        this.http = http;
        this.apiUrl = URI.create(apiUrl.toString().replaceAll("/+$", ""));
        this.accountSid = accountSid;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Where Twilio is to post the message's status changes: our status webhook, with the outbound id in the query so the
     * callbacks are archived under the message the gateway archived before sending. Twilio signs the URL with its query.
     */
    public static String statusCallbackUrl(String publicUrl, String outboundId) {
        return TwilioSignatureVerifier.requestUrl(publicUrl, "/webhooks/twilio/status",
                OUTBOUND_CALLBACK_PARAMETER + "=" + URLEncoder.encode(outboundId, StandardCharsets.UTF_8));
    }

    /**
     * Creates (sends) a WhatsApp text message.
     *
     * @param from the business number, E.164
     * @param to   the customer's number, E.164
     */
    public CreatedMessage create(String from, String to, String body, String statusCallback) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", WHATSAPP + to);
        form.put("From", WHATSAPP + from);
        form.put("Body", body);
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
        }
        String encoded = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = authorized(messagesUri(""))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded, StandardCharsets.UTF_8))
                .build();
        PlatformResponse response = http.exchange(PLATFORM, request);
        JsonNode created = successful(response);
        String sid = created.path("sid").asText("");
        if (sid.isEmpty()) {
            throw new PlatformRefusedException(PLATFORM, response.status(), null, "the created message has no sid");
        }
        return new CreatedMessage(sid, created.path("status").asText(null), response.status(), response.body());
    }

    /** Twilio's answer to a create: the MessageSid, the first status ({@code queued}, {@code accepted}) and the raw body. */
    public record CreatedMessage(String sid, String status, int httpStatus, byte[] responseBody) {
    }

    /** The first page of the account's messages sent between the two dates (UTC days, both included). */
    public MessagePage firstPage(LocalDate from, LocalDate to) {
        // Twilio's range filters are the parameters named "DateSent>" and "DateSent<" (sent as DateSent>=... on the wire)
        String query = "DateSent%3E=" + from + "&DateSent%3C=" + to + "&PageSize=1000";
        return page(messagesUri("?" + query));
    }

    /** The page Twilio named in {@code next_page_uri}; it is a path on the API host, and nowhere else is asked. */
    public MessagePage nextPage(String nextPageUri) {
        if (!nextPageUri.startsWith("/")) {
            throw new PlatformRefusedException(PLATFORM, 200, null, "next_page_uri is not a path on the API host");
        }
        return page(URI.create(apiUrl + nextPageUri));
    }

    /**
     * One page of the list: each message resource as the raw bytes Twilio sent, and the next page's URI (null on
     * the last page).
     */
    public record MessagePage(List<byte[]> messages, String nextPageUri) {
    }

    private MessagePage page(URI uri) {
        PlatformResponse response = http.exchange(PLATFORM, authorized(uri).GET().build());
        JsonNode page = successful(response);
        List<byte[]> messages;
        try {
            messages = JsonArraySlices.of(response.body(), "messages");
        } catch (IllegalArgumentException e) {
            throw new PlatformRefusedException(PLATFORM, response.status(), null, "the message list cannot be read: " + e.getMessage());
        }
        String next = page.path("next_page_uri").asText("");
        return new MessagePage(messages, next.isEmpty() ? null : next);
    }

    private URI messagesUri(String suffix) {
        return URI.create(apiUrl + "/2010-04-01/Accounts/" + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + "/Messages.json" + suffix);
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", authorization).header("Accept", "application/json");
    }

    private static JsonNode successful(PlatformResponse response) {
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (!response.isSuccess()) {
            String code = answer == null ? null : answer.path("code").asText(null);
            String message = answer == null ? "no readable error" : answer.path("message").asText("no message");
            throw new PlatformRefusedException(PLATFORM, response.status(), code, message);
        }
        if (answer == null || !answer.isObject()) {
            throw new PlatformRefusedException(PLATFORM, response.status(), null, "the answer is not JSON");
        }
        return answer;
    }
}
