package org.imarchive.gateway.outbound;

import org.imarchive.archive.capture.CaptureJournal;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.connectors.telegram.TelegramPoller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramPollingGatewayTest extends OutboundGatewayTest {
    private static final String GET_UPDATES = "/bot" + StandInPlatforms.BOT_TOKEN + "/getUpdates";

    @Autowired
    TelegramPoller poller;
    @Autowired
    ArchiveStore store;
    @Autowired
    CaptureJournal journal;

    private static String businessMessage(long updateId, long messageId, String text) {
        return "{\"update_id\":" + updateId + ",\"business_message\":{\"message_id\":" + messageId + ",\"from\":{\"id\":888,\"first_name\":\"Léa\"},"
                + "\"chat\":{\"id\":888,\"type\":\"private\"},\"date\":1764064800,\"business_connection_id\":\"" + CONNECTION + "\",\"text\":\"" + text + "\"}}";
    }

    private long savedOffset() {
        return store.checkpoint("telegram-poll");
    }

    /** How many times the journal holds the update: Telegram hands an update out again until an offset confirms it. */
    private long journaled(long updateId) {
        java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        journal.replay(0, record -> {
            if (record.payload().source().equals("telegram-inbound")
                    && new String(record.payload().body(), java.nio.charset.StandardCharsets.UTF_8).startsWith("{\"update_id\":" + updateId + ",")) {
                count.incrementAndGet();
            }
        });
        return count.get();
    }

    private int archivedCopies(String platformMessageId) {
        return jdbc.queryForObject("select count(*) from message where platform = 'telegram' and platform_message_id = ?", Integer.class, platformMessageId);
    }

    @Test
    void polledUpdatesAreArchivedAndARestartedPollerNeitherLosesNorRepeatsThem() {
        platforms.telegramUpdate(9001, businessMessage(9001, 21, "first"));
        platforms.telegramUpdate(9002, "{\"update_id\":9002,\"business_message\":{\"chat\":{}}}");
        platforms.telegramUpdate(9003, businessMessage(9003, 23, "third"));

        await(() -> savedOffset() == 9003, "the offset saved past the batch");
        Map<String, Object> first = as("compliance1").getForObject("/api/messages/" + messageIdOf("888:21"), Map.class);
        assertThat(first).containsEntry("direction", "inbound").containsEntry("text", "first").containsEntry("accountId", CONNECTION);
        assertThat((Map<String, Object>) first.get("provenance")).containsEntry("source", "poll");
        messageIdOf("888:23");
        Integer failures = await(() -> jdbc.queryForObject("select count(*) from capture_failure where source = 'telegram-inbound'", Integer.class) > 0
                ? 1 : null, "the bad update recorded as a capture failure");
        assertThat(failures).isEqualTo(1);

        poller.stop();
        platforms.telegramUpdate(9004, businessMessage(9004, 24, "while stopped"));
        poller.start();

        messageIdOf("888:24");
        assertThat(platforms.calls("GET", GET_UPDATES)).anySatisfy(call -> assertThat(call.queryParams()).containsEntry("offset", "9004"));
        assertThat(savedOffset()).isEqualTo(9004);
        assertThat(archivedCopies("888:21") + archivedCopies("888:23") + archivedCopies("888:24")).isEqualTo(3);
        assertThat(java.util.stream.LongStream.of(9001, 9002, 9003, 9004).map(this::journaled).toArray()).containsExactly(1, 1, 1, 1);
    }
}
