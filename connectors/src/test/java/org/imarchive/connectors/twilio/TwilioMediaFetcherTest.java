package org.imarchive.connectors.twilio;

import org.imarchive.archive.media.FetchedMedia;
import org.imarchive.archive.media.MediaFetchException;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.connectors.media.StandInServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imarchive.connectors.media.StandInServer.messageWith;
import static org.imarchive.connectors.media.StandInServer.respond;

/** Twilio's media API as it behaves: Basic auth on api.twilio.com, then a 307 to its media host. */
class TwilioMediaFetcherTest {
    static final String MEDIA_PATH = "/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1";
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("AC1:auth-token".getBytes(StandardCharsets.UTF_8));
    static final byte[] PHOTO = "jpeg bytes".getBytes(StandardCharsets.UTF_8);

    final StandInServer api = StandInServer.start();
    final StandInServer mediaHost = StandInServer.start();
    final TwilioMediaFetcher fetcher = new TwilioMediaFetcher(HttpClient.newHttpClient(), api.uri(""), "AC1", "auth-token",
            Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        api.close();
        mediaHost.close();
    }

    FetchedMedia fetch(String url) throws MediaFetchException {
        return fetcher.fetch(messageWith(Channel.TWILIO, Attachment.pending(url, null, "image/jpeg")),
                Attachment.pending(url, null, "image/jpeg"));
    }

    void twilioAnswers(int status) {
        api.on(MEDIA_PATH, exchange -> respond(exchange, status, "application/json", "{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mediaIsFetchedWithBasicAuthAndTheRedirectIsFollowedWithoutCredentials() throws Exception {
        api.on(MEDIA_PATH, exchange -> {
            if (!BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "application/json", "{\"code\":20003}".getBytes(StandardCharsets.UTF_8));
                return;
            }
            exchange.getResponseHeaders().set("Location", mediaHost.uri("/media/abc123").toString());
            respond(exchange, 307, null, new byte[0]);
        });
        mediaHost.on("/media/", exchange -> respond(exchange, 200, "image/jpeg", PHOTO));

        try (FetchedMedia media = fetch(api.uri(MEDIA_PATH).toString())) {
            assertThat(media.content().readAllBytes()).isEqualTo(PHOTO);
            assertThat(media.mediaType()).isEqualTo("image/jpeg");
            assertThat(media.size()).isEqualTo(PHOTO.length);
        }
        assertThat(api.received).extracting(StandInServer.Received::authorization).containsExactly(BASIC);
        assertThat(mediaHost.received).hasSize(1).allSatisfy(request -> assertThat(request.authorization()).isNull());
    }

    @Test
    void mediaUrlOnAnotherHostIsRefusedBeforeAnyRequest() {
        mediaHost.on("/", exchange -> respond(exchange, 200, "image/jpeg", PHOTO));
        assertThatThrownBy(() -> fetch(mediaHost.uri(MEDIA_PATH).toString()))
                .isInstanceOfSatisfying(MediaFetchException.class, e -> assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.PERMANENT));
        assertThat(mediaHost.received).isEmpty();
    }

    @Test
    void deletedMediaIsAPermanentFailure() {
        twilioAnswers(404);
        assertThatThrownBy(() -> fetch(api.uri(MEDIA_PATH).toString()))
                .isInstanceOfSatisfying(MediaFetchException.class, e -> {
                    assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.PERMANENT);
                    assertThat(e.getMessage()).contains("HTTP 404");
                });
    }

    @Test
    void refusedCredentialsAreReportedAsSuch() {
        twilioAnswers(401);
        assertThatThrownBy(() -> fetch(api.uri(MEDIA_PATH).toString()))
                .isInstanceOfSatisfying(MediaFetchException.class, e -> {
                    assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.CREDENTIALS);
                    assertThat(e.getMessage()).doesNotContain("auth-token");
                });
    }

    @Test
    void throttlingAndServerErrorsAreRetryable() {
        twilioAnswers(429);
        assertThatThrownBy(() -> fetch(api.uri(MEDIA_PATH).toString()))
                .isInstanceOfSatisfying(MediaFetchException.class, e -> assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.RETRYABLE));
        api.on("/2010-04-01/Accounts/AC1/Messages/MM2/", exchange -> respond(exchange, 503, null, new byte[0]));
        assertThatThrownBy(() -> fetch(api.uri("/2010-04-01/Accounts/AC1/Messages/MM2/Media/ME2").toString()))
                .isInstanceOfSatisfying(MediaFetchException.class, e -> assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.RETRYABLE));
    }

    @Test
    void aServerThatDoesNotAnswerInTimeIsRetryable() {
        api.on(MEDIA_PATH, exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        TwilioMediaFetcher impatient = new TwilioMediaFetcher(HttpClient.newHttpClient(), api.uri(""), "AC1", "auth-token", Duration.ofMillis(300));
        Attachment attachment = Attachment.pending(api.uri(MEDIA_PATH).toString(), null, null);
        assertThatThrownBy(() -> impatient.fetch(messageWith(Channel.TWILIO, attachment), attachment))
                .isInstanceOfSatisfying(MediaFetchException.class, e -> assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.RETRYABLE));
    }

    @Test
    void aClientThatFollowsRedirectsItselfIsRefused() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        assertThatThrownBy(() -> new TwilioMediaFetcher(following, api.uri(""), "AC1", "auth-token", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
