package org.imarchive.connectors.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.platformapi.PlatformRefusedException;
import org.imarchive.connectors.platformapi.RetryPolicy;
import org.imarchive.connectors.platformapi.StandInServer;
import org.imarchive.connectors.platformapi.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramBotApiTest {
    private static final String TOKEN = "123456:test-token";
    private final StandInServer telegram = StandInServer.start();
    private final TelegramBotApi api = new TelegramBotApi(
            new PlatformHttp(HttpClient.newHttpClient(), new RetryPolicy(2, Duration.ZERO, Duration.ZERO), d -> { }), telegram.uri(), TOKEN);

    @AfterEach
    void stop() {
        telegram.close();
    }

    @Test
    void aBusinessMessageIsSentThroughTheConnectionAndNamedByChatAndMessageId() throws Exception {
        telegram.onSequence("POST", "/bot" + TOKEN + "/sendMessage", Reply.json(200,
                "{\"ok\":true,\"result\":{\"message_id\":4313,\"chat\":{\"id\":5128839021,\"type\":\"private\"},\"date\":1704063600,"
                        + "\"business_connection_id\":\"BC1\",\"text\":\"Bonjour\"}}"));

        TelegramBotApi.SentMessage sent = api.sendMessage("BC1", "5128839021", "Bonjour", "4312");

        assertThat(sent.platformMessageId()).isEqualTo("5128839021:4313");
        JsonNode body = new ObjectMapper().readTree(telegram.requests().get(0).body());
        assertThat(body.path("business_connection_id").asText()).isEqualTo("BC1");
        assertThat(body.path("chat_id").asText()).isEqualTo("5128839021");
        assertThat(body.path("text").asText()).isEqualTo("Bonjour");
        assertThat(body.path("reply_parameters").path("message_id").asLong()).isEqualTo(4312);
    }

    @Test
    void telegramsRefusalCarriesItsDescription() {
        telegram.onSequence("POST", "/bot" + TOKEN + "/sendMessage",
                Reply.json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: chat not found\"}"));

        assertThatThrownBy(() -> api.sendMessage(null, "1", "x", null))
                .isInstanceOfSatisfying(PlatformRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("400");
                })
                .hasMessageContaining("chat not found");
    }

    @Test
    void theBotIdIsTheTokensPrefix() {
        assertThat(TelegramBotApi.botIdOf("123456:ABC-def")).isEqualTo("123456");
        assertThatThrownBy(() -> TelegramBotApi.botIdOf("no-colon")).hasMessageContaining("gateway.telegram.bot-token");
    }
}
