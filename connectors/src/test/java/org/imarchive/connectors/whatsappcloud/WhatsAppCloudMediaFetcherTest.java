package org.imarchive.connectors.whatsappcloud;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imarchive.connectors.media.StandInServer.messageWith;
import static org.imarchive.connectors.media.StandInServer.respond;
import static org.imarchive.connectors.media.StandInServer.respondJson;

/** Graph's media endpoints as documented: the lookup's JSON, then the download, both with the bearer token. */
class WhatsAppCloudMediaFetcherTest {
    static final String MEDIA_ID = "1013859600285441";
    static final String TOKEN = "EAAG-test-access-token";
    static final byte[] PHOTO = "jpeg bytes".getBytes(StandardCharsets.UTF_8);

    final StandInServer graph = StandInServer.start();
    final StandInServer lookaside = StandInServer.start();
    final WhatsAppCloudMediaFetcher fetcher = new WhatsAppCloudMediaFetcher(HttpClient.newHttpClient(), graph.uri("/v21.0"), TOKEN,
            Duration.ofSeconds(2));
    final Attachment attachment = new Attachment(MEDIA_ID, null, "image/jpeg", null, null, Attachment.State.PENDING,
            "q7W3nF0pX2r8bYw1K9eT5uLz4VdA6sJmC0hG+/iR2o8=");

    @AfterEach
    void stop() {
        graph.close();
        lookaside.close();
    }

    FetchedMedia fetch() throws MediaFetchException {
        return fetcher.fetch(messageWith(Channel.WHATSAPP_CLOUD, attachment), attachment);
    }

    void graphFails(int status, String errorJson) {
        graph.on("/v21.0/" + MEDIA_ID, exchange -> respondJson(exchange, status, errorJson));
    }

    @Test
    void mediaIsLookedUpThenDownloadedWithTheBearerToken() throws Exception {
        graph.on("/v21.0/" + MEDIA_ID, exchange -> respondJson(exchange, 200, """
                {"url":"%s","mime_type":"image/jpeg","sha256":"%s","file_size":10,"id":"%s","messaging_product":"whatsapp"}"""
                .formatted(lookaside.uri("/whatsapp_business/attachments/?mid=" + MEDIA_ID + "&ext=1704067500&hash=ARa"),
                        "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", MEDIA_ID)));
        lookaside.on("/whatsapp_business/", exchange -> respond(exchange, 200, "image/jpeg", PHOTO));

        try (FetchedMedia media = fetch()) {
            assertThat(media.content().readAllBytes()).isEqualTo(PHOTO);
            assertThat(media.mediaType()).isEqualTo("image/jpeg");
            assertThat(media.platformSha256()).isEqualTo("0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9");
        }
        assertThat(graph.received).singleElement().satisfies(request -> {
            assertThat(request.pathAndQuery()).isEqualTo("/v21.0/" + MEDIA_ID);
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        });
        assertThat(lookaside.received).singleElement().satisfies(request -> {
            assertThat(request.pathAndQuery()).startsWith("/whatsapp_business/attachments/?mid=" + MEDIA_ID);
            assertThat(request.authorization()).isEqualTo("Bearer " + TOKEN);
        });
    }

    @Test
    void expiredAccessTokenIsACredentialsFailure() {
        graphFails(401, """
                {"error":{"message":"Error validating access token: Session has expired","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"Axyz"}}""");
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class, e -> {
            assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.CREDENTIALS);
            assertThat(e.getMessage()).contains("code 190").doesNotContain(TOKEN);
        });
    }

    @Test
    void unknownMediaIdIsPermanent() {
        graphFails(400, """
                {"error":{"message":"Unsupported get request. Object with ID '1013859600285441' does not exist","type":"GraphMethodException","code":100,"error_subcode":33}}""");
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class,
                e -> assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.PERMANENT));
    }

    @Test
    void graphOutageIsRetryable() {
        graphFails(500, """
                {"error":{"message":"An unexpected error has occurred.","type":"OAuthException","code":2}}""");
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class,
                e -> assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.RETRYABLE));
    }

    @Test
    void expiredDownloadUrlIsRetryableWithAFreshLookup() {
        graph.on("/v21.0/" + MEDIA_ID, exchange -> respondJson(exchange, 200,
                "{\"url\":\"" + lookaside.uri("/whatsapp_business/attachments/?mid=1") + "\",\"mime_type\":\"image/jpeg\",\"id\":\"" + MEDIA_ID + "\"}"));
        lookaside.on("/whatsapp_business/", exchange -> respond(exchange, 404, null, new byte[0]));
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class,
                e -> assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.RETRYABLE));
    }
}
