package org.imarchive.connectors.telegram;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.Capture;
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
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramPollerTest {
    private static final String TOKEN = "123456:test-token";
    private static final String PATH = "/bot" + TOKEN + "/getUpdates";

    private final StandInServer telegram = StandInServer.start();
    private final List<CapturedPayload> journal = new ArrayList<>();
    private final Capture capture = payload -> {
        journal.add(payload);
        return journal.size();
    };
    private final SavedOffset checkpoint = new SavedOffset();

    @AfterEach
    void stop() {
        telegram.close();
    }

    private TelegramPoller poller(Capture to) {
        PlatformHttp http = new PlatformHttp(HttpClient.newHttpClient(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO), d -> { });
        return new TelegramPoller(new TelegramBotApi(http, telegram.uri(), TOKEN), to, checkpoint,
                Clock.fixed(Fixtures.RECEIVED_AT, ZoneOffset.UTC),
                new TelegramPoller.Settings(0, TelegramPoller.Settings.ARCHIVED_UPDATES, RetryPolicy.standard()), d -> { });
    }

    private static String update(long id, long messageId, String text) {
        return "{\"update_id\":" + id + ",\"business_message\":{\"message_id\":" + messageId + ",\"from\":{\"id\":77,\"first_name\":\"L\u00e9a\"},"
                + "\"chat\":{\"id\":77,\"type\":\"private\"},\"date\":1704063599,\"business_connection_id\":\"BC1\",\"text\":\"" + text + "\"}}";
    }

    private static String queryOf(StandInServer.Request request) {
        return URLDecoder.decode(request.rawQuery(), StandardCharsets.UTF_8);
    }

    @Test
    void eachUpdateIsJournaledVerbatimAndTheOffsetAdvancesPastTheBatch() {
        String first = update(874512001, 10, "caf\\u00e9");
        String second = update(874512002, 11, "second");
        telegram.onSequence("GET", PATH, Reply.json(200, "{\"ok\":true,\"result\":[" + first + ",\n " + second + "]}"),
                Reply.json(200, "{\"ok\":true,\"result\":[]}"));
        TelegramPoller poller = poller(capture);

        assertThat(poller.pollOnce()).isEqualTo(2);
        poller.pollOnce();

        assertThat(journal).extracting(p -> new String(p.body(), StandardCharsets.UTF_8)).containsExactly(first, second);
        assertThat(journal).allSatisfy(p -> assertThat(p.source()).isEqualTo(TelegramNormalizer.SOURCE));
        assertThat(checkpoint.value).isEqualTo(874512002);
        List<StandInServer.Request> calls = telegram.requests(PATH);
        assertThat(queryOf(calls.get(0))).doesNotContain("offset=")
                .contains("allowed_updates=[\"message\",\"edited_message\",\"channel_post\",\"edited_channel_post\",\"business_connection\","
                        + "\"business_message\",\"edited_business_message\",\"deleted_business_messages\"]");
        assertThat(queryOf(calls.get(1))).contains("offset=874512003");
    }

    @Test
    void aPolledUpdateIsArchivedWithPollProvenance() {
        telegram.onSequence("GET", PATH, Reply.json(200, "{\"ok\":true,\"result\":[" + update(5, 10, "hi") + "]}"));
        poller(capture).pollOnce();

        ArchivedMessage message = (ArchivedMessage) new TelegramNormalizer("123456").normalize(new CaptureRecord(9, journal.get(0))).get(0);

        assertThat(message.provenance()).isEqualTo(new Provenance(Provenance.Source.POLL, 9, null, null));
        assertThat(message.content().text()).isEqualTo("hi");
    }

    @Test
    void aBadUpdateIsJournaledBesideItsNeighboursAndDoesNotHoldTheOffsetBack() {
        telegram.onSequence("GET", PATH, Reply.json(200, "{\"ok\":true,\"result\":[" + update(1, 10, "a")
                + ",{\"update_id\":2,\"business_message\":{\"chat\":{}}}," + update(3, 12, "c") + "]}"));

        assertThat(poller(capture).pollOnce()).isEqualTo(3);

        assertThat(journal).hasSize(3);
        assertThat(checkpoint.value).isEqualTo(3);
    }

    @Test
    void theOffsetStaysWhereItWasWhenTheJournalFails() {
        checkpoint.value = 41;
        telegram.onSequence("GET", PATH, Reply.json(200, "{\"ok\":true,\"result\":[" + update(42, 10, "a") + "," + update(43, 11, "b") + "]}"));
        Capture failing = payload -> {
            if (!journal.isEmpty()) {
                throw new IllegalStateException("disk full");
            }
            journal.add(payload);
            return 1;
        };

        assertThatThrownBy(() -> poller(failing).pollOnce()).hasMessageContaining("disk full");
        assertThat(checkpoint.value).isEqualTo(41);
    }

    @Test
    void aRestartedPollerAsksFromItsCheckpointAndJournalsNothingTwice() {
        telegram.onSequence("GET", PATH, Reply.json(200, "{\"ok\":true,\"result\":[" + update(7, 10, "a") + "]}"));
        poller(capture).pollOnce();
        // Telegram, asked from the saved offset, would not return update 7 again; a stand-in that does is ignored
        telegram.onSequence("GET", PATH, Reply.json(200, "{\"ok\":true,\"result\":[" + update(7, 10, "a") + "," + update(8, 11, "b") + "]}"));

        poller(capture).pollOnce();

        assertThat(queryOf(telegram.requests(PATH).get(1))).contains("offset=8");
        assertThat(journal).hasSize(2);
        assertThat(checkpoint.value).isEqualTo(8);
    }

    @Test
    void aWebhookStillSetIsReportedAsTelegramsConflict() {
        telegram.onSequence("GET", PATH, Reply.json(409, "{\"ok\":false,\"error_code\":409,"
                + "\"description\":\"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first\"}"));

        assertThatThrownBy(() -> poller(capture).pollOnce())
                .isInstanceOfSatisfying(PlatformRefusedException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("use deleteWebhook");
        assertThat(journal).isEmpty();
        assertThat(checkpoint.value).isZero();
    }

    @Test
    void theRunningPollerBacksOffAfterFailuresAndStopsWhenAsked() throws InterruptedException {
        telegram.onSequence("GET", PATH, Reply.json(502, "bad gateway"), Reply.json(200, "{\"ok\":true,\"result\":[" + update(1, 10, "a") + "]}"),
                Reply.json(200, "{\"ok\":true,\"result\":[]}"));
        TelegramPoller poller = poller(capture);

        poller.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (checkpoint.value == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        poller.stop();

        assertThat(checkpoint.value).isEqualTo(1);
        assertThat(poller.isRunning()).isFalse();
    }

    private static final class SavedOffset implements TelegramPoller.Checkpoint {
        volatile long value;

        @Override
        public long lastUpdateId() {
            return value;
        }

        @Override
        public void save(long updateId) {
            value = updateId;
        }
    }
}
