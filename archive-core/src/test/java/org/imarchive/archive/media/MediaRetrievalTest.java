package org.imarchive.archive.media;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.MediaRetrieved;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.pipeline.PayloadNormalizer;
import org.imarchive.archive.pipeline.PipelineListener;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.support.Sha256;
import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.InMemoryCaptureJournal;
import org.imarchive.archive.testing.SampleRecords;
import org.imarchive.archive.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.imarchive.archive.media.MediaSamples.mediaUrl;
import static org.imarchive.archive.media.MediaSamples.pending;
import static org.imarchive.archive.media.MediaSamples.withPendingMedia;
import static org.imarchive.archive.testing.SampleRecords.T0;

class MediaRetrievalTest {
    static final byte[] PHOTO = "jpeg bytes of the photo".getBytes(StandardCharsets.UTF_8);
    static final MediaRetrievalSettings SETTINGS = new MediaRetrievalSettings(4, Duration.ofSeconds(30), Duration.ofMinutes(10),
            Duration.ofDays(1), 1024 * 1024);
    static final MediaFetchException UNAVAILABLE = new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "Twilio answered 503");

    @TempDir
    Path dir;
    ArchiveFixture fixture;
    TestClock clock = new TestClock(T0.plusSeconds(60));
    List<String> events = new CopyOnWriteArrayList<>();
    List<AutoCloseable> workers = new ArrayList<>();

    /**
     * Holds the H2 file database open: it closes with its last connection, and several threads (committer, worker,
     * test) opening and closing connections around that moment have been seen to find an empty database.
     */
    Connection keepOpen;

    @BeforeEach
    void archive() throws Exception {
        fixture = new ArchiveFixture(TestDatabases.h2(dir), dir, clock);
        keepOpen = fixture.dataSource.getConnection();
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable worker : workers) {
            worker.close();
        }
        keepOpen.close();
        fixture.close();
    }

    MediaRetrieval retrieval(MediaFetcher fetcher, MediaRetrievalSettings settings) {
        MediaRetrieval retrieval = new MediaRetrieval(fixture.store, fixture.dataSource, List.of(fetcher), settings,
                dir.resolve("spool"), clock, new RecordingListener());
        workers.add(retrieval);
        return retrieval;
    }

    String commit(ArchivedMessage message) {
        return fixture.store.commit(List.of(new Commit(message, false)), ArchivePipeline.CONSUMER, message.provenance().journalSequence())
                .get(0).messageId();
    }

    MediaFetchQueue.Entry queued(String messageId, String mediaSid) {
        return new MediaFetchQueue(fixture.dataSource).find(messageId, mediaUrl(mediaSid)).orElseThrow();
    }

    Attachment current(String messageId) {
        return fixture.store.message(messageId).orElseThrow().currentContent().orElseThrow().attachments().get(0);
    }

    @Test
    void unavailableMediaIsRetriedWithExponentialBackoffThenStored() throws Exception {
        ScriptedFetcher fetcher = new ScriptedFetcher().answer(mediaUrl("ME1"), UNAVAILABLE, UNAVAILABLE, PHOTO);
        MediaRetrieval retrieval = retrieval(fetcher, SETTINGS);
        String id = commit(withPendingMedia("MM1", T0, 7, pending("ME1")));
        Instant start = clock.instant();

        assertThat(retrieval.runOnce()).isEqualTo(1);
        assertThat(queued(id, "ME1").nextAttemptAt()).isEqualTo(start.plusSeconds(30));
        assertThat(retrieval.runOnce()).as("nothing is due before the backoff ends").isZero();

        clock.advance(Duration.ofSeconds(30));
        assertThat(retrieval.runOnce()).isEqualTo(1);
        assertThat(queued(id, "ME1").nextAttemptAt()).as("the wait doubles").isEqualTo(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(59));
        assertThat(retrieval.runOnce()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(retrieval.runOnce()).isEqualTo(1);

        MediaFetchQueue.Entry entry = queued(id, "ME1");
        assertThat(entry.state()).isEqualTo(MediaFetchQueue.State.DONE);
        assertThat(entry.attempts()).isEqualTo(3);
        Attachment attachment = current(id);
        assertThat(attachment.state()).isEqualTo(Attachment.State.STORED);
        assertThat(attachment.sha256()).isEqualTo(Sha256.hex(PHOTO));
        try (InputStream blob = fixture.blobs.open(attachment.sha256()).orElseThrow()) {
            assertThat(blob.readAllBytes()).isEqualTo(PHOTO);
        }
        MediaRetrieved record = fixture.store.message(id).orElseThrow().retrievedMedia().get(0);
        assertThat(record.provenance()).isEqualTo(new Provenance(Provenance.Source.FETCH, 7, null, null));
        assertThat(events).containsExactly("queued", "retry 1", "retry 2", "retrieved " + PHOTO.length);
        assertThat(fixture.verifier.verify().intact()).isTrue();
    }

    @Test
    void permanentFailureIsMarkedFailedAndTriedAgainOnlyDaily() {
        ScriptedFetcher fetcher = new ScriptedFetcher().answer(mediaUrl("ME2"),
                new MediaFetchException(MediaFetchException.Failure.PERMANENT, "Twilio no longer has the media (HTTP 404)"));
        MediaRetrieval retrieval = retrieval(fetcher, SETTINGS);
        String id = commit(withPendingMedia("MM2", T0, 1, pending("ME2")));

        retrieval.runOnce();
        MediaFetchQueue.Entry entry = queued(id, "ME2");
        assertThat(entry.state()).isEqualTo(MediaFetchQueue.State.FAILED);
        assertThat(entry.lastError()).contains("HTTP 404");
        assertThat(events).contains("failed 1");
        assertThat(current(id).state()).as("the message stays archived, its attachment pending").isEqualTo(Attachment.State.PENDING);

        clock.advance(Duration.ofHours(23));
        assertThat(retrieval.runOnce()).isZero();
        clock.advance(Duration.ofHours(1));
        assertThat(retrieval.runOnce()).isEqualTo(1);
    }

    @Test
    void exhaustedAttemptsMarkTheAttachmentFailed() {
        ScriptedFetcher fetcher = new ScriptedFetcher().answer(mediaUrl("ME3"), UNAVAILABLE);
        MediaRetrieval retrieval = retrieval(fetcher, SETTINGS);
        String id = commit(withPendingMedia("MM3", T0, 1, pending("ME3")));

        for (int attempt = 0; attempt < SETTINGS.maxAttempts(); attempt++) {
            retrieval.runOnce();
            clock.advance(Duration.ofMinutes(10));
        }
        assertThat(fetcher.attemptsOf(mediaUrl("ME3"))).isEqualTo(SETTINGS.maxAttempts());
        assertThat(queued(id, "ME3").state()).isEqualTo(MediaFetchQueue.State.FAILED);
        assertThat(events).contains("failed 4");
    }

    @Test
    void rejectedCredentialsAreRetriedAndRaiseAnAlert() {
        ScriptedFetcher fetcher = new ScriptedFetcher().answer(mediaUrl("ME4"),
                new MediaFetchException(MediaFetchException.Failure.CREDENTIALS, "Twilio refused the credentials (HTTP 401)"), PHOTO);
        MediaRetrieval retrieval = retrieval(fetcher, SETTINGS);
        String id = commit(withPendingMedia("MM4", T0, 1, pending("ME4")));

        retrieval.runOnce();
        assertThat(events).contains("credentials rejected on twilio");
        assertThat(queued(id, "ME4").state()).isEqualTo(MediaFetchQueue.State.PENDING);
        clock.advance(Duration.ofSeconds(30));
        retrieval.runOnce();
        assertThat(current(id).state()).isEqualTo(Attachment.State.STORED);
    }

    @Test
    void restartResumesFromTheCheckpointAndTheQueue() {
        String first = commit(withPendingMedia("MM5", T0, 1, pending("ME5")));
        retrieval(new ScriptedFetcher().answer(mediaUrl("ME5"), UNAVAILABLE), SETTINGS).runOnce();
        long checkpoint = fixture.store.checkpoint(MediaRetrieval.CONSUMER);
        assertThat(checkpoint).isPositive();

        // the process stops; a message arrives while it is down; it starts again
        String second = commit(withPendingMedia("MM6", T0.plusSeconds(5), 2, pending("ME6")));
        clock.advance(Duration.ofSeconds(30));
        ScriptedFetcher working = new ScriptedFetcher().answer(mediaUrl("ME5"), PHOTO).answer(mediaUrl("ME6"), PHOTO);
        MediaRetrieval restarted = retrieval(working, SETTINGS);

        assertThat(restarted.runOnce()).isEqualTo(2);
        assertThat(current(first).state()).isEqualTo(Attachment.State.STORED);
        assertThat(current(second).state()).isEqualTo(Attachment.State.STORED);
        assertThat(restarted.runOnce()).as("nothing is fetched twice").isZero();
        assertThat(working.attempts).containsExactlyInAnyOrder(mediaUrl("ME5"), mediaUrl("ME6"));
        assertThat(fixture.store.checkpoint(MediaRetrieval.CONSUMER)).isEqualTo(fixture.store.lastLedgerSerial());
    }

    @Test
    void contentThatContradictsThePlatformHashIsNotStored() {
        String photoHash = Base64.getEncoder().encodeToString(Sha256.digest(PHOTO));
        String otherHash = Base64.getEncoder().encodeToString(Sha256.digest("something else".getBytes(StandardCharsets.UTF_8)));
        ScriptedFetcher fetcher = new ScriptedFetcher().answer(mediaUrl("ME7"), PHOTO).answer(mediaUrl("ME8"), PHOTO);
        MediaRetrieval retrieval = retrieval(fetcher, SETTINGS);
        String matching = commit(withPendingMedia("MM7", T0, 1, MediaSamples.pendingWithPlatformHash("ME7", photoHash)));
        String contradicted = commit(withPendingMedia("MM8", T0, 2, MediaSamples.pendingWithPlatformHash("ME8", otherHash)));

        retrieval.runOnce();
        assertThat(current(matching).state()).isEqualTo(Attachment.State.STORED);
        assertThat(current(contradicted).state()).isEqualTo(Attachment.State.PENDING);
        assertThat(queued(contradicted, "ME8").lastError()).contains("does not match");
        assertThat(events).contains("hash mismatch");
    }

    @Test
    void contentOverTheLimitIsAPermanentFailure() {
        MediaRetrievalSettings small = new MediaRetrievalSettings(4, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofDays(1), 8);
        MediaRetrieval retrieval = retrieval(new ScriptedFetcher().answer(mediaUrl("ME9"), PHOTO), small);
        String id = commit(withPendingMedia("MM9", T0, 1, pending("ME9")));

        retrieval.runOnce();
        assertThat(queued(id, "ME9").state()).isEqualTo(MediaFetchQueue.State.FAILED);
        assertThat(queued(id, "ME9").lastError()).contains("limit of 8 bytes");
        assertThat(dir.resolve("spool").toFile().list()).as("no download is left behind").isEmpty();
    }

    @Test
    void startClearsDownloadsACrashLeftHalfChecked() throws Exception {
        Path spool = java.nio.file.Files.createDirectories(dir.resolve("spool"));
        Path leftover = java.nio.file.Files.createFile(spool.resolve("media-crashed.part"));
        retrieval(new ScriptedFetcher(), SETTINGS).start();
        assertThat(leftover).doesNotExist();
    }

    @Test
    void messageIsArchivedWhileItsMediaIsStillDownloading() throws Exception {
        CountDownLatch platformAnswers = new CountDownLatch(1);
        MediaFetcher slow = new MediaFetcher() {
            @Override
            public Set<Channel> channels() {
                return Set.of(Channel.TWILIO);
            }

            @Override
            public FetchedMedia fetch(ArchivedMessage message, Attachment attachment) throws MediaFetchException {
                try {
                    if (!platformAnswers.await(30, TimeUnit.SECONDS)) {
                        throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "timed out");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "interrupted");
                }
                return new FetchedMedia(new ByteArrayInputStream(PHOTO), "image/jpeg", PHOTO.length, null);
            }
        };
        MediaRetrieval retrieval = retrieval(slow, SETTINGS);
        PayloadNormalizer photos = new PayloadNormalizer() {
            @Override
            public Set<String> sources() {
                return Set.of("test-media");
            }

            @Override
            public List<ArchiveRecord> normalize(CaptureRecord record) {
                return List.of(withPendingMedia(new String(record.payload().body(), StandardCharsets.UTF_8), T0, record.sequence(), pending("ME10")));
            }
        };
        InMemoryCaptureJournal journal = new InMemoryCaptureJournal();
        ArchivePipeline pipeline = new ArchivePipeline(journal, fixture.store, List.of(photos), account -> true, List.of(retrieval),
                PipelineListener.NONE, 10);
        workers.add(pipeline);
        retrieval.start();
        pipeline.start();

        long sequence = pipeline.capture(CapturedPayload.of("test-media", T0, null, "MM10".getBytes(StandardCharsets.UTF_8)));
        assertThat(pipeline.awaitCommitted(sequence, Duration.ofSeconds(10))).isTrue();
        String id = fixture.store.message(SampleRecords.message("MM10", "+447700900123", "", T0).id()).map(StoredMessage::messageId).orElseThrow();
        assertThat(current(id).state()).as("archived while the download hangs").isEqualTo(Attachment.State.PENDING);

        platformAnswers.countDown();
        await().atMost(Duration.ofSeconds(15)).until(() -> current(id).state() == Attachment.State.STORED);
    }

    private final class RecordingListener implements MediaRetrievalListener {
        @Override
        public void queued(Channel channel, String messageId) {
            events.add("queued");
        }

        @Override
        public void retrieved(Channel channel, String messageId, long size) {
            events.add("retrieved " + size);
        }

        @Override
        public void retryScheduled(Channel channel, String messageId, int attempts, Instant nextAttempt, String reason) {
            events.add("retry " + attempts);
        }

        @Override
        public void failed(Channel channel, String messageId, int attempts, String reason) {
            events.add("failed " + attempts);
        }

        @Override
        public void credentialsRejected(Channel channel, String reason) {
            events.add("credentials rejected on " + channel.wireName());
        }

        @Override
        public void hashMismatch(Channel channel, String messageId) {
            events.add("hash mismatch");
        }
    }
}
