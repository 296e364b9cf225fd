package org.imarchive.connectors.telegram;

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

/** The Bot API's getFile and file download as documented, including its error JSON. */
class TelegramMediaFetcherTest {
    static final String TOKEN = "123456:ABC-test-bot-token";
    static final String FILE_ID = "BQACAgIAAxkBAAIDxWWR1aFakeDocument";
    static final byte[] PDF = "%PDF-1.7 fake".getBytes(StandardCharsets.US_ASCII);

    final StandInServer botApi = StandInServer.start();
    final TelegramMediaFetcher fetcher = new TelegramMediaFetcher(HttpClient.newHttpClient(), botApi.uri(""), TOKEN, Duration.ofSeconds(2));
    final Attachment attachment = Attachment.pending(FILE_ID, "Vertrag §4.pdf", "application/pdf");

    @AfterEach
    void stop() {
        botApi.close();
    }

    FetchedMedia fetch() throws MediaFetchException {
        return fetcher.fetch(messageWith(Channel.TELEGRAM_BOT, attachment), attachment);
    }

    void getFileAnswers(int status, String json) {
        botApi.on("/bot" + TOKEN + "/getFile", exchange -> respondJson(exchange, status, json));
    }

    @Test
    void fileIsResolvedByGetFileThenDownloaded() throws Exception {
        getFileAnswers(200, """
                {"ok":true,"result":{"file_id":"%s","file_unique_id":"AgADdM8x","file_size":13,"file_path":"documents/file_7.pdf"}}""".formatted(FILE_ID));
        botApi.on("/file/bot" + TOKEN + "/documents/", exchange -> respond(exchange, 200, "application/octet-stream", PDF));

        try (FetchedMedia media = fetch()) {
            assertThat(media.content().readAllBytes()).isEqualTo(PDF);
            assertThat(media.mediaType()).as("the message's own type beats Telegram's octet-stream").isEqualTo("application/pdf");
        }
        assertThat(botApi.received).extracting(StandInServer.Received::pathAndQuery)
                .containsExactly("/bot" + TOKEN + "/getFile?file_id=" + FILE_ID, "/file/bot" + TOKEN + "/documents/file_7.pdf");
    }

    @Test
    void fileOverTwentyMegabytesIsPermanentAndNotDownloaded() {
        getFileAnswers(200, """
                {"ok":true,"result":{"file_id":"%s","file_unique_id":"AgADdM8x","file_size":26214400,"file_path":"videos/file_9.mp4"}}""".formatted(FILE_ID));
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class, e -> {
            assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.PERMANENT);
            assertThat(e.getMessage()).contains("20 MB");
        });
        assertThat(botApi.received).hasSize(1);
    }

    @Test
    void botApiRefusingABigFileSaysWhy() {
        getFileAnswers(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: file is too big\"}");
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class, e -> {
            assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.PERMANENT);
            assertThat(e.getMessage()).contains("20 MB");
        });
    }

    @Test
    void wrongFileIdIsPermanentWithTelegramsDescription() {
        getFileAnswers(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: wrong file_id or the file is temporarily unavailable\"}");
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class, e -> {
            assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.PERMANENT);
            assertThat(e.getMessage()).contains("wrong file_id");
        });
    }

    @Test
    void rejectedBotTokenIsACredentialsFailureThatNeverNamesTheToken() {
        getFileAnswers(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class, e -> {
            assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.CREDENTIALS);
            assertThat(e.getMessage()).doesNotContain(TOKEN).doesNotContain("ABC-test");
        });
    }

    @Test
    void floodLimitIsRetryable() {
        getFileAnswers(429, "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after 7\",\"parameters\":{\"retry_after\":7}}");
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class,
                e -> assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.RETRYABLE));
    }

    @Test
    void unreachableBotApiIsRetryableAndItsReasonHoldsNoToken() {
        botApi.close();
        assertThatThrownBy(this::fetch).isInstanceOfSatisfying(MediaFetchException.class, e -> {
            assertThat(e.failure()).isEqualTo(MediaFetchException.Failure.RETRYABLE);
            assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
    }
}
