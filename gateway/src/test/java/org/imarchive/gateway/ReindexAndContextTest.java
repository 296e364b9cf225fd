package org.imarchive.gateway;

import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.lucene.LuceneSearchIndex;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.gateway.support.GatewayTest;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reviewer reads a message in its conversation; the index can be rebuilt from the archive alone. */
@ExtendWith(OutputCaptureExtension.class)
class ReindexAndContextTest extends GatewayTest {
    @Autowired
    ArchiveStore store;
    @TempDir
    Path freshIndex;

    @Test
    @SuppressWarnings("unchecked")
    void conversationAroundAMessageIsInTimeOrder() {
        ensureUser("compliance");
        String customer = "+447700900888";
        for (int i = 0; i < 7; i++) {
            assertThat(postSignedTwilio("/webhooks/twilio/messages", TwilioRequests.inboundText(String.format("SM%032d", 8800 + i), customer,
                    "context line " + i)).getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        Map<String, Object> hit = await().atMost(Duration.ofSeconds(15)).until(() -> as("compliance").getForObject(
                "/api/messages?q=\"context line 3\"", Map.class), r -> ((Number) r.get("total")).longValue() >= 1);
        Map<String, Object> middle = ((List<Map<String, Object>>) hit.get("items")).get(0);
        Map<String, Object> context = as("compliance").getForObject("/api/conversations/" + middle.get("conversationId") + "?around="
                + middle.get("id") + "&size=4", Map.class);
        assertThat((List<Map<String, Object>>) context.get("items")).extracting(m -> m.get("text"))
                .containsExactly("context line 1", "context line 2", "context line 3", "context line 4", "context line 5");
    }

    @Test
    void reindexRebuildsAnEmptyIndexFromTheArchive(CapturedOutput output) {
        assertThat(postSignedTwilio("/webhooks/twilio/messages", TwilioRequests.inboundText(String.format("SM%032d", 9900), "+447700900999",
                "rebuilt from the archive")).getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(15)).until(() -> store.lastLedgerSerial() > 0);
        assertThat(org.imarchive.gateway.cli.Commands.run(new String[]{"reindex", "--gateway.data-dir=" + dataDir,
                "--gateway.search.lucene-dir=" + freshIndex})).isZero();
        assertThat(output.getOut()).contains("100%").contains("reindexed:");
        try (LuceneSearchIndex rebuilt = LuceneSearchIndex.open(freshIndex)) {
            assertThat(rebuilt.search(SearchQuery.of("\"rebuilt from the archive\"")).total()).isEqualTo(1);
        }
    }
}
