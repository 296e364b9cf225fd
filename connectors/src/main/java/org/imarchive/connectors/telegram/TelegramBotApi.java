package org.imarchive.connectors.telegram;

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
import java.util.List;

/**
 * The two Bot API methods the gateway calls: {@code getUpdates} (long polling, where the site has no public URL) and
 * {@code sendMessage} (a relationship manager's message, through a business connection or in a bot chat). Telegram
 * answers {@code {"ok": false, "error_code", "description"}} when it refuses; that becomes a
 * {@link PlatformRefusedException} with Telegram's description.
 */
public final class TelegramBotApi {
    static final String PLATFORM = "Telegram";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformHttp http;
    private final String methodBase;

    /**
     * @param apiUrl   {@code https://api.telegram.org}, or a local Bot API server
     * @param botToken the bot's token; it is part of every method URL, so URLs are never logged
     */
    public TelegramBotApi(PlatformHttp http, URI apiUrl, String botToken) {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalArgumentException("gateway.telegram.bot-token must be set to call the Bot API");
        }
        String base = apiUrl.toString();
        this.http = http;
        this.methodBase = (base.endsWith("/") ? base : base + "/") + "bot" + botToken + "/";
    }

    /** The bot's own user id: the part of its token before the colon. Plain bot chats are archived under it. */
    public static String botIdOf(String botToken) {
        int colon = botToken == null ? -1 : botToken.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("gateway.telegram.bot-token is not a bot token (<bot id>:<secret>)");
        }
        return botToken.substring(0, colon);
    }

    /**
     * Long-polls for updates. Telegram holds the call up to {@code timeoutSeconds} when none is waiting, and forgets
     * every update below {@code offset}: the caller passes last journaled id + 1 only once those are durable.
     *
     * @param offset 0 for "from the oldest unconfirmed update"
     * @return the response body as Telegram sent it ({@code {"ok": true, "result": [updates]}})
     */
    public byte[] getUpdates(long offset, int timeoutSeconds, List<String> allowedUpdates) {
        StringBuilder query = new StringBuilder("getUpdates?timeout=").append(timeoutSeconds);
        if (offset > 0) {
            query.append("&offset=").append(offset);
        }
        query.append("&allowed_updates=").append(URLEncoder.encode(JSON.valueToTree(allowedUpdates).toString(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(methodBase + query))
                .timeout(Duration.ofSeconds(timeoutSeconds + 15L))
                .GET().build();
        PlatformResponse response = http.exchange(PLATFORM, request);
        okResult(response);
        return response.body();
    }

    /**
     * Sends a text message. With a business connection id Telegram sends it from the business account (the
     * relationship manager's own Telegram), otherwise from the bot.
     *
     * @param replyToMessageId Telegram's message id (within the chat) this answers, or null
     */
    public SentMessage sendMessage(String businessConnectionId, String chatId, String text, String replyToMessageId) {
        ObjectNode body = JSON.createObjectNode();
        if (businessConnectionId != null) {
            body.put("business_connection_id", businessConnectionId);
        }
        body.put("chat_id", chatId);
        body.put("text", text);
        if (replyToMessageId != null) {
            body.putObject("reply_parameters").put("message_id", Long.parseLong(replyToMessageId));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(methodBase + "sendMessage"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toString().getBytes(StandardCharsets.UTF_8)))
                .build();
        PlatformResponse response = http.exchange(PLATFORM, request);
        JsonNode result = okResult(response);
        String messageId = result.path("message_id").asText("");
        if (messageId.isEmpty()) {
            throw new PlatformRefusedException(PLATFORM, response.status(), null, "sendMessage answered without a message_id");
        }
        return new SentMessage(result.path("chat").path("id").asText(chatId) + ":" + messageId, response.status(), response.body());
    }

    /** Telegram's answer to a send: the platform message id as the archive writes it ({@code <chat id>:<message id>}). */
    public record SentMessage(String platformMessageId, int httpStatus, byte[] responseBody) {
    }

    private static JsonNode okResult(PlatformResponse response) {
        JsonNode answer;
        try {
            answer = JSON.readTree(response.body());
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !answer.isObject()) {
            throw new PlatformRefusedException(PLATFORM, response.status(), null, "the answer is not Bot API JSON");
        }
        if (!answer.path("ok").asBoolean(false)) {
            String code = answer.path("error_code").asText(Integer.toString(response.status()));
            throw new PlatformRefusedException(PLATFORM, response.status(), code, answer.path("description").asText("no description"));
        }
        return answer.path("result");
    }
}
