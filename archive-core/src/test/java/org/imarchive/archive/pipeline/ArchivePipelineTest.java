package org.imarchive.archive.pipeline;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.support.CaptureFirst;
import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.InMemoryCaptureJournal;
import org.imarchive.archive.testing.SampleRecords;
import org.imarchive.archive.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ArchivePipelineTest {
    /** Reads bodies of the form {@code id|text}; {@code !} is not the format. */
    static final PayloadNormalizer LINES = new PayloadNormalizer() {
        @Override
        public Set<String> sources() {
            return Set.of("test-inbound");
        }

        @Override
        public List<ArchiveRecord> normalize(CaptureRecord record) {
            String body = new String(record.payload().body(), StandardCharsets.UTF_8);
            if (!body.contains("|")) {
                throw new MalformedPayloadException("no '|' separator");
            }
            String[] parts = body.split("\\|", 2);
            return List.of(SampleRecords.message(parts[0], "+4479", parts[1], record.payload().receivedAt()));
        }
    };

    @TempDir
    Path dir;
    ArchiveFixture fixture;
    InMemoryCaptureJournal journal = new InMemoryCaptureJournal();
    List<ArchivePipeline> pipelines = new ArrayList<>();
    List<String> quarantined = new CopyOnWriteArrayList<>();
    List<String> malformed = new CopyOnWriteArrayList<>();
    List<CommittedRecord> derived = new CopyOnWriteArrayList<>();

    ArchivePipeline pipeline(AccountApproval approval) {
        return pipeline(approval, CaptureFirst.UNPACED);
    }

    ArchivePipeline pipeline(AccountApproval approval, CaptureFirst captureFirst) {
        if (fixture == null) {
            fixture = new ArchiveFixture(TestDatabases.h2(dir), dir, Clock.systemUTC());
        }
        PipelineListener listener = new PipelineListener() {
            @Override
            public void quarantined(AccountRef account, String messageId) {
                quarantined.add(messageId);
            }

            @Override
            public void malformed(String source, long journalSequence, String reason) {
                malformed.add(journalSequence + ": " + reason);
            }
        };
        ArchivePipeline pipeline = new ArchivePipeline(journal, fixture.store, List.of(LINES), approval, List.of(derived::addAll), List.of(),
                listener, 100, captureFirst);
        pipelines.add(pipeline);
        pipeline.start();
        return pipeline;
    }

    static CapturedPayload payload(String body) {
        return CapturedPayload.of("test-inbound", Instant.parse("2026-03-02T09:15:00Z"), Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void close() {
        pipelines.forEach(ArchivePipeline::close);
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void capturedPayloadsAreCommittedAndHandedOn() throws Exception {
        ArchivePipeline pipeline = pipeline(account -> true);
        long last = 0;
        for (int i = 0; i < 250; i++) {
            last = pipeline.capture(payload("M" + i + "|text " + i));
        }
        assertThat(pipeline.awaitCommitted(last, Duration.ofSeconds(10))).isTrue();
        assertThat(fixture.store.messageCount()).isEqualTo(250);
        assertThat(derived).hasSize(250);
    }

    @Test
    void capturesAreMarkedForDerivedWorkToYieldToAndThePacedCommitterStillCommitsThemAll() throws Exception {
        CaptureFirst captureFirst = new CaptureFirst(0.1, Duration.ofMinutes(1));
        ArchivePipeline pipeline = pipeline(account -> true, captureFirst);
        assertThat(captureFirst.capturesArriving()).isFalse();
        long last = 0;
        for (int i = 0; i < 100; i++) {
            last = pipeline.capture(payload("P" + i + "|paced " + i));
        }
        assertThat(captureFirst.capturesArriving()).isTrue();
        assertThat(pipeline.awaitCommitted(last, Duration.ofSeconds(30))).isTrue();
        assertThat(fixture.store.messageCount()).isEqualTo(100);
    }

    @Test
    void journalIsReplayedOnStartWithoutDuplicates() throws Exception {
        for (int i = 0; i < 30; i++) {
            journal.append(payload("R" + i + "|before start"));
        }
        journal.append(payload("R0|a platform retry of R0"));
        ArchivePipeline pipeline = pipeline(account -> true);
        assertThat(pipeline.awaitCommitted(31, Duration.ofSeconds(10))).isTrue();
        assertThat(fixture.store.messageCount()).isEqualTo(30);

        pipeline.close();
        ArchivePipeline restarted = pipeline(account -> true);
        long next = restarted.capture(payload("R30|after restart"));
        assertThat(restarted.awaitCommitted(next, Duration.ofSeconds(10))).isTrue();
        assertThat(fixture.store.messageCount()).isEqualTo(31);
    }

    @Test
    void malformedPayloadIsRecordedAndItsNeighboursCommitted() throws Exception {
        ArchivePipeline pipeline = pipeline(account -> true);
        pipeline.capture(payload("G1|good"));
        pipeline.capture(payload("!"));
        long last = pipeline.capture(payload("G2|good too"));
        assertThat(pipeline.awaitCommitted(last, Duration.ofSeconds(10))).isTrue();
        assertThat(fixture.store.messageCount()).isEqualTo(2);
        assertThat(malformed).containsExactly("2: no '|' separator");
    }

    @Test
    void messageOfAnUnapprovedAccountIsKeptButQuarantined() throws Exception {
        ArchivePipeline pipeline = pipeline(account -> false);
        long sequence = pipeline.capture(payload("Q1|from a personal number"));
        assertThat(pipeline.awaitCommitted(sequence, Duration.ofSeconds(10))).isTrue();
        assertThat(quarantined).hasSize(1);
        assertThat(fixture.store.message(quarantined.get(0)).orElseThrow().quarantined()).isTrue();
    }

    @Test
    void concurrentCapturesAreAllCommittedOnce() throws Exception {
        ArchivePipeline pipeline = pipeline(account -> true);
        ExecutorService producers = Executors.newFixedThreadPool(16);
        for (int i = 0; i < 2000; i++) {
            int n = i;
            producers.submit(() -> pipeline.capture(payload("C" + n + "|concurrent")));
        }
        producers.shutdown();
        assertThat(producers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(pipeline.awaitCommitted(2000, Duration.ofSeconds(30))).isTrue();
        assertThat(fixture.store.messageCount()).isEqualTo(2000);
        assertThat(fixture.verifier.verify().intact()).isTrue();
    }
}
