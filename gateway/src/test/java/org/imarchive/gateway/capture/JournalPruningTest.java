package org.imarchive.gateway.capture;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.capture.FileCaptureJournal;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.TestDatabases;
import org.imarchive.gateway.config.GatewayProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journal segments go once the archive has committed every record in them, no capture in them failed, and the grace
 * period since their last write has passed; what is still needed replays as before.
 */
class JournalPruningTest {
    private static final Duration GRACE = Duration.ofDays(7);

    @TempDir
    Path dir;
    private ArchiveFixture archive;
    private FileCaptureJournal journal;

    @BeforeEach
    void fortyCaptures() {
        archive = new ArchiveFixture(TestDatabases.h2(dir), dir, Clock.systemUTC());
        journal = FileCaptureJournal.open(dir.resolve("journal"), FileCaptureJournal.Options.defaults().withSegmentSize(4096));
        for (int i = 1; i <= 40; i++) {
            journal.append(CapturedPayload.of("twilio-whatsapp-inbound", Instant.now(), Map.of(),
                    ("Body=message " + i + " with its customer's words " + "x".repeat(500)).getBytes(StandardCharsets.UTF_8)));
        }
    }

    @AfterEach
    void close() {
        journal.close();
        archive.close();
    }

    @Test
    void committedSegmentsGoAfterTheGracePeriodButAFailedCaptureKeepsItsSegment() {
        archive.store.saveCheckpoint(ArchivePipeline.CONSUMER, 40);
        archive.store.recordCaptureFailure(15, "twilio-whatsapp-inbound", "normalizer refused it");

        assertThat(pruning(Instant.now().plus(GRACE).minusSeconds(60)).prune()).as("within the grace period").isEmpty();
        assertThat(pruning(Instant.now().plus(GRACE).plusSeconds(60)).prune()).isNotEmpty();

        List<CaptureRecord> left = new ArrayList<>();
        journal.replay(0, left::add);
        assertThat(left.get(0).sequence()).isLessThanOrEqualTo(15);
        assertThat(left).extracting(CaptureRecord::sequence).endsWith(40L);
    }

    @Test
    void nothingUncommittedIsPruned() {
        archive.store.saveCheckpoint(ArchivePipeline.CONSUMER, 3);

        pruning(Instant.now().plus(GRACE).plusSeconds(60)).prune();

        List<CaptureRecord> left = new ArrayList<>();
        journal.replay(3, left::add);
        assertThat(left).extracting(CaptureRecord::sequence).startsWith(4L).endsWith(40L).hasSize(37);
    }

    private JournalPruning pruning(Instant now) {
        GatewayProperties properties = new GatewayProperties(dir, null, new GatewayProperties.Journal(4096, 500, GRACE),
                null, null, null, null, null);
        return new JournalPruning(journal, archive.store, new JdbcTemplate(archive.dataSource), properties, Clock.fixed(now, ZoneOffset.UTC));
    }
}
