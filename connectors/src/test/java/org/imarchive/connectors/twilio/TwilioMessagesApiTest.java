package org.imarchive.connectors.twilio;

import org.imarchive.connectors.platformapi.PlatformHttp;
import org.imarchive.connectors.platformapi.PlatformRefusedException;
import org.imarchive.connectors.platformapi.RetryPolicy;
import org.imarchive.connectors.platformapi.StandInServer;
import org.imarchive.connectors.platformapi.StandInServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imarchive.connectors.twilio.TwilioApiSamples.ACCOUNT_SID;

class TwilioMessagesApiTest {
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";
    private final StandInServer twilio = StandInServer.start();
    private final TwilioMessagesApi api = new TwilioMessagesApi(
            new PlatformHttp(HttpClient.newHttpClient(), new RetryPolicy(3, Duration.ZERO, Duration.ZERO), d -> { }),
            twilio.uri(), ACCOUNT_SID, "auth-token");

    @AfterEach
    void stop() {
        twilio.close();
    }

    @Test
    void aMessageIsCreatedWithWhatsAppAddressesAndOurStatusCallback() {
        twilio.onSequence("POST", MESSAGES, Reply.json(201, TwilioApiSamples.resource("SM1", "outbound-api", "whatsapp:+15550001111",
                "whatsapp:+447700900123", "Hello", null, "queued", 0)));
        String callback = TwilioMessagesApi.statusCallbackUrl("https://archive.example.com", "0193a5e4-0000-7000-8000-000000000001");

        TwilioMessagesApi.CreatedMessage created = api.create("+15550001111", "+447700900123", "Hello & bye", callback);

        assertThat(created.sid()).isEqualTo("SM1");
        assertThat(created.status()).isEqualTo("queued");
        StandInServer.Request request = twilio.requests().get(0);
        assertThat(request.header("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":auth-token").getBytes(StandardCharsets.UTF_8)));
        assertThat(TwilioForm.decode(request.body())).isEqualTo(Map.of(
                "To", List.of("whatsapp:+447700900123"), "From", List.of("whatsapp:+15550001111"), "Body", List.of("Hello & bye"),
                "StatusCallback", List.of("https://archive.example.com/webhooks/twilio/status?imarchiveOutbound=0193a5e4-0000-7000-8000-000000000001")));
    }

    @Test
    void twiliosRefusalCarriesItsCodeAndMessage() {
        twilio.onSequence("POST", MESSAGES, Reply.json(400, "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\","
                + " \"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}"));

        assertThatThrownBy(() -> api.create("+15550001111", "+1", "x", null))
                .isInstanceOfSatisfying(PlatformRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errorCode()).isEqualTo("21211");
                })
                .hasMessageContaining("not a valid phone number");
        assertThat(twilio.requests()).hasSize(1);
    }

    @Test
    void theListAsksForTheWindowAndFollowsNextPageUri() {
        String next = MESSAGES + "?DateSent%3E=2026-11-01&PageSize=1000&Page=1&PageToken=PASM2";
        twilio.on("GET", MESSAGES, request -> request.rawQuery().contains("PageToken")
                ? Reply.json(200, TwilioApiSamples.page(null, TwilioApiSamples.inbound("SM3", "+447700900123", "c")))
                : Reply.json(200, TwilioApiSamples.page(next, TwilioApiSamples.inbound("SM1", "+447700900123", "a"),
                TwilioApiSamples.inbound("SM2", "+447700900123", "b"))));

        TwilioMessagesApi.MessagePage first = api.firstPage(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-25"));
        TwilioMessagesApi.MessagePage second = api.nextPage(first.nextPageUri());

        assertThat(first.messages()).hasSize(2);
        assertThat(second.messages()).hasSize(1);
        assertThat(second.nextPageUri()).isNull();
        assertThat(URLDecoder.decode(twilio.requests().get(0).rawQuery(), StandardCharsets.UTF_8))
                .isEqualTo("DateSent>=2026-11-01&DateSent<=2026-11-25&PageSize=1000");
    }

    @Test
    void aNextPageElsewhereThanTheApiHostIsNotFollowed() {
        assertThatThrownBy(() -> api.nextPage("https://elsewhere.example/steal")).hasMessageContaining("not a path on the API host");
    }
}
