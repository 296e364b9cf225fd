package org.imarchive.archive.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imarchive.archive.capture.CaptureJournalContract.payload;
import static org.imarchive.archive.capture.CaptureJournalContract.replayAll;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.imarchive.archive.capture.FileCaptureJournal.Options;
import org.imarchive.archive.capture.JournalRepair.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileCaptureJournalTest implements CaptureJournalContract {

    @TempDir
    Path tmp;
    private Path dir;
    private FileCaptureJournal journal;
    private final List<FileCaptureJournal> opened = new ArrayList<>();

    @BeforeEach
    void openJournal() {
        dir = tmp.resolve("journal");
        journal = open(dir, Options.defaults(), FileCaptureJournal.WriterHooks.NONE);
    }

    @AfterEach
    void closeJournals() {
        opened.forEach(FileCaptureJournal::close);
    }

    @Override
    public CaptureJournal testee() {
        return journal;
    }

    // ---- recovery ----

    @Test
    void tornTailIsTruncatedAndReported() throws IOException {
        appendAll(1, 2, 3);
        journal.close();
        Path segment = onlySegment();
        long[] offsets = recordOffsets(Files.readAllBytes(segment));
        long cut = Files.size(segment) - 10; // the third append was cut short by a crash: its header says more follows
        truncate(segment, cut);

        reopen();

        assertThat(journal.repairs()).containsExactly(
                new JournalRepair(Kind.TORN_TAIL_TRUNCATED, segment.getFileName().toString(), offsets[2], cut - offsets[2], null));
        assertThat(Files.size(segment)).isEqualTo(offsets[2]);
        assertThat(journal.lastSequence()).isEqualTo(2);
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::payload).containsExactly(payload(1), payload(2));
        assertThat(journal.append(payload(4))).isEqualTo(3);

        reopen();
        assertThat(journal.repairs()).isEmpty();
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::payload).containsExactly(payload(1), payload(2), payload(4));
    }

    @Test
    void tailShorterThanAHeaderIsTruncated() throws IOException {
        appendAll(1, 2);
        journal.close();
        Path segment = onlySegment();
        long sound = Files.size(segment);
        Files.write(segment, new byte[] {(byte) 0x89, 'I', 'M', 'J', 0}, StandardOpenOption.APPEND);

        reopen();

        assertThat(journal.repairs()).containsExactly(
                new JournalRepair(Kind.TORN_TAIL_TRUNCATED, segment.getFileName().toString(), sound, 5, null));
        assertThat(Files.size(segment)).isEqualTo(sound);
        assertThat(journal.append(payload(3))).isEqualTo(3);
    }

    @Test
    void corruptRecordIsMovedAsideAndLaterRecordsSurvive() throws IOException {
        appendAll(1, 2, 3, 4, 5);
        journal.close();
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        long[] offsets = recordOffsets(bytes);
        int middle = (int) offsets[2];
        int middleLength = (int) (offsets[3] - offsets[2]);
        int inText = indexOf(bytes, "message 3".getBytes(StandardCharsets.UTF_8));
        assertThat(inText).isBetween(middle, middle + middleLength);
        bytes[inText + 8] ^= 0x01; // one bit rots in the middle record's payload: "message 3" becomes "message 2"
        Files.write(segment, bytes);

        reopen();

        assertThat(journal.repairs()).hasSize(1);
        JournalRepair repair = journal.repairs().get(0);
        assertThat(repair.kind()).isEqualTo(Kind.CORRUPT_RECORD_MOVED_ASIDE);
        assertThat(repair.segment()).isEqualTo(segment.getFileName().toString());
        assertThat(repair.offset()).isEqualTo(middle);
        assertThat(repair.length()).isEqualTo(middleLength);
        Path kept = Path.of(repair.movedAsideTo());
        assertThat(kept.getParent()).isEqualTo(dir.resolve("quarantine"));
        assertThat(Files.readAllBytes(kept)).isEqualTo(Arrays.copyOfRange(bytes, middle, middle + middleLength));
        assertThat(Files.readAllBytes(segment)).as("the segment itself is not rewritten").isEqualTo(bytes);
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::sequence).containsExactly(1L, 2L, 4L, 5L);
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::payload)
                .containsExactly(payload(1), payload(2), payload(4), payload(5));
        assertThat(journal.append(payload(6))).isEqualTo(6);

        Files.setLastModifiedTime(kept, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        reopen();

        assertThat(journal.repairs()).as("reported again on every opening").containsExactly(repair);
        assertThat(Files.getLastModifiedTime(kept).toInstant()).as("not copied twice")
                .isEqualTo(Instant.parse("2000-01-01T00:00:00Z"));
        try (Stream<Path> files = Files.list(dir.resolve("quarantine"))) {
            assertThat(files).containsExactly(kept);
        }
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::sequence).containsExactly(1L, 2L, 4L, 5L, 6L);
        assertThat(replayAll(journal, 3)).extracting(CaptureRecord::sequence).containsExactly(4L, 5L, 6L);
    }

    @Test
    void garbageBetweenRecordsIsMovedAsideAndTheReaderResynchronises() throws IOException {
        appendAll(1, 2, 3, 4);
        journal.close();
        Path segment = onlySegment();
        byte[] sound = Files.readAllBytes(segment);
        long[] offsets = recordOffsets(sound);
        byte[] garbage = new byte[300];
        new Random(42).nextBytes(garbage);
        // decoys: markers with plausible lengths that do not check
        System.arraycopy(new byte[] {(byte) 0x89, 'I', 'M', 'J', 0, 0, 0, 40}, 0, garbage, 10, 8);
        System.arraycopy(new byte[] {(byte) 0x89, 'I', 'M', 'J', 0, 0, 0, 100}, 0, garbage, 200, 8);
        int at = (int) offsets[2];
        byte[] damaged = concat(Arrays.copyOfRange(sound, 0, at), garbage, Arrays.copyOfRange(sound, at, sound.length));
        Files.write(segment, damaged);

        reopen();

        assertThat(journal.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.kind()).isEqualTo(Kind.CORRUPT_RECORD_MOVED_ASIDE);
            assertThat(repair.offset()).isEqualTo(at);
            assertThat(repair.length()).isEqualTo(garbage.length);
            assertThat(Files.readAllBytes(Path.of(repair.movedAsideTo()))).isEqualTo(garbage);
        });
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::payload)
                .containsExactly(payload(1), payload(2), payload(3), payload(4));
    }

    @Test
    void damagedLengthInTheMiddleIsNotMistakenForATornTail() throws IOException {
        appendAll(1, 2, 3, 4, 5);
        journal.close();
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        long[] offsets = recordOffsets(bytes);
        ByteBuffer.wrap(bytes).putInt((int) offsets[1] + 4, 50 * 1024 * 1024); // runs far past the end of the file
        Files.write(segment, bytes);

        reopen();

        assertThat(journal.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.kind()).isEqualTo(Kind.CORRUPT_RECORD_MOVED_ASIDE);
            assertThat(repair.offset()).isEqualTo(offsets[1]);
            assertThat(repair.length()).isEqualTo(offsets[2] - offsets[1]);
        });
        assertThat(Files.size(segment)).isEqualTo(bytes.length);
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::sequence).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void damagedLastRecordIsMovedAsideNotCutAndNewAppendsFollowIt() throws IOException {
        appendAll(1, 2, 3);
        journal.close();
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        long[] offsets = recordOffsets(bytes);
        bytes[bytes.length - 3] ^= 0x40; // the whole record is there, it was acknowledged: keep its bytes
        Files.write(segment, bytes);

        reopen();

        JournalRepair repair = new JournalRepair(Kind.CORRUPT_RECORD_MOVED_ASIDE, segment.getFileName().toString(),
                offsets[2], bytes.length - offsets[2], journal.repairs().get(0).movedAsideTo());
        assertThat(journal.repairs()).containsExactly(repair);
        assertThat(Files.size(segment)).isEqualTo(bytes.length);
        assertThat(journal.lastSequence()).isEqualTo(2);
        assertThat(journal.append(payload(33))).isEqualTo(3);

        reopen();

        assertThat(journal.repairs()).containsExactly(repair);
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::payload)
                .containsExactly(payload(1), payload(2), payload(33));
    }

    @Test
    void aRecordForgedInsideAPayloadIsNotTrustedWhenResynchronising() throws IOException {
        byte[] forged = CaptureRecordFormat.encode(50, payload(666));
        CapturedPayload carrier = CapturedPayload.of("telegram-inbound", Instant.EPOCH, null,
                concat("{\"text\":\"".getBytes(StandardCharsets.UTF_8), forged, "\"}".getBytes(StandardCharsets.UTF_8)));
        journal.append(payload(1));
        journal.append(carrier);
        journal.append(payload(3));
        journal.close();
        Path segment = onlySegment();
        byte[] bytes = Files.readAllBytes(segment);
        long[] offsets = recordOffsets(bytes);
        bytes[(int) offsets[1]] = 0; // the carrier's marker is damaged: the reader must re-synchronise
        Files.write(segment, bytes);

        reopen();

        assertThat(journal.repairs()).singleElement().satisfies(repair -> {
            assertThat(repair.offset()).isEqualTo(offsets[1]);
            assertThat(repair.length()).isEqualTo(offsets[2] - offsets[1]);
        });
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::sequence).containsExactly(1L, 3L);
    }

    // ---- what is kept ----

    @Test
    void payloadBytesSurviveVerbatim() throws IOException {
        byte[] everyByte = new byte[512];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        byte[] random = new byte[200_000];
        new Random(7).nextBytes(random);
        byte[] large = new byte[5 * 1024 * 1024]; // larger than one write batch
        new Random(8).nextBytes(large);
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("X-Twilio-Signature", "Ym9ndXMgc2lnbmF0dXJlPT0=");
        headers.put("X-Empty", "");
        headers.put("X-\u00dcnicode-\u540d", "\u0645\u0631\u062d\u0628\u0627 \ud83d\udc4b\r\n\t\u0000");
        List<CapturedPayload> payloads = List.of(
                CapturedPayload.of("twilio-whatsapp-inbound", Instant.ofEpochSecond(1_718_000_000L, 999_999_999), headers,
                        "Body=Caf%C3%A9+%F0%9F%98%80&From=whatsapp%3A%2B4915112345678\r\n".getBytes(StandardCharsets.UTF_8)),
                CapturedPayload.of("whatsapp-cloud-inbound", Instant.ofEpochSecond(-1, 5), Map.of(),
                        "{\"text\":\"\u041f\u0440\u0438\u0432\u0435\u0442 \u4f60\u597d \ud83c\uddfa\ud83c\udde6 \u05e9\u05dc\u05d5\u05dd\"}"
                                .getBytes(StandardCharsets.UTF_8)),
                CapturedPayload.of("binary", Instant.EPOCH, Map.of("X-Bytes", "all"), everyByte),
                CapturedPayload.of("binary", Instant.MAX, Map.of(), random),
                CapturedPayload.of("\u30bd\u30fc\u30b9", Instant.MIN, Map.of(), large),
                CapturedPayload.of("", Instant.EPOCH, Map.of("", ""), new byte[0]));
        payloads.forEach(journal::append);

        reopen();

        List<CaptureRecord> replayed = replayAll(journal, 0);
        assertThat(replayed).extracting(CaptureRecord::payload).containsExactlyElementsOf(payloads);
        for (int i = 0; i < payloads.size(); i++) {
            assertThat(replayed.get(i).payload().body()).isEqualTo(payloads.get(i).body());
            assertThat(replayed.get(i).payload().headers()).containsExactlyEntriesOf(payloads.get(i).headers());
        }
        byte[] segment = Files.readAllBytes(onlySegment());
        for (CapturedPayload p : payloads) {
            assertThat(indexOf(segment, p.body())).as("body stored verbatim in the segment").isNotNegative();
        }
    }

    @Test
    void aSegmentCanBeReadWithTheDocumentedLayoutAlone() throws IOException {
        appendAll(1, 2, 3);
        journal.close();

        // an examiner's reader, written from docs/adr/0002-capture-journal-format.md and nothing of ours
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(onlySegment()));
        List<CapturedPayload> read = new ArrayList<>();
        long expectedSequence = 1;
        while (in.hasRemaining()) {
            assertThat(in.getInt()).isEqualTo(0x89494D4A);
            int bodyLength = in.getInt();
            int crc = in.getInt();
            CRC32C check = new CRC32C();
            check.update(in.array(), in.position(), bodyLength);
            assertThat((int) check.getValue()).isEqualTo(crc);
            assertThat(in.getLong()).isEqualTo(expectedSequence++);
            Instant receivedAt = Instant.ofEpochSecond(in.getLong(), in.getInt());
            String source = utf8(in);
            Map<String, String> headers = new TreeMap<>();
            for (int n = in.getInt(); n > 0; n--) {
                headers.put(utf8(in), utf8(in));
            }
            byte[] body = new byte[in.getInt()];
            in.get(body);
            read.add(CapturedPayload.of(source, receivedAt, headers, body));
        }
        assertThat(read).containsExactly(payload(1), payload(2), payload(3));
    }

    @Test
    void sequencesContinueAfterReopen() {
        appendAll(1, 2, 3);

        reopen();

        assertThat(journal.lastSequence()).isEqualTo(3);
        assertThat(journal.append(payload(4))).isEqualTo(4);
        assertThat(journal.append(payload(5))).isEqualTo(5);
        reopen();
        assertThat(journal.lastSequence()).isEqualTo(5);
        assertThat(replayAll(journal, 0)).extracting(CaptureRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void segmentsRollOver() throws IOException {
        journalOfFortyInSmallSegments();

        List<Path> segments = segments();
        assertThat(segments).hasSizeGreaterThanOrEqualTo(3);
        for (Path segment : segments) {
            assertThat(Files.size(segment)).isLessThanOrEqualTo(4096);
            long firstSequence = ByteBuffer.wrap(Files.readAllBytes(segment)).getLong(12);
            assertThat(segment.getFileName().toString()).isEqualTo(String.format("segment-%020d.log", firstSequence));
        }
        assertThat(replayAll(journal, 25)).extracting(CaptureRecord::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(26, 40).boxed().toList());

        journal.close();
        journal = open(dir, SMALL_SEGMENTS, FileCaptureJournal.WriterHooks.NONE);
        assertThat(journal.repairs()).isEmpty();
        assertThat(journal.append(payload(41))).isEqualTo(41);
        List<CaptureRecord> all = replayAll(journal, 0);
        assertThat(all).extracting(CaptureRecord::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 41).boxed().toList());
        for (CaptureRecord record : all) {
            assertThat(record.payload()).isEqualTo(payload((int) record.sequence()));
        }
    }

    // ---- pruning ----

    @Test
    void pruningDeletesOnlySegmentsWhollyNeededByNoOneAndReplayGoesOn() throws IOException {
        journalOfFortyInSmallSegments();
        List<Path> before = segments();
        long secondStarts = firstSequenceOf(before.get(1));
        long thirdStarts = firstSequenceOf(before.get(2));

        List<String> pruned = journal.prune(thirdStarts - 2, Instant.now().plusSeconds(60));

        assertThat(pruned).as("the second segment still holds a record after the checkpoint").containsExactly(before.get(0).getFileName().toString());
        assertThat(segments()).doesNotContain(before.get(0)).contains(before.get(1));
        assertThat(replayAll(journal, secondStarts - 1)).extracting(CaptureRecord::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(secondStarts, 40).boxed().toList());

        journal.close();
        journal = open(dir, SMALL_SEGMENTS, FileCaptureJournal.WriterHooks.NONE);
        assertThat(journal.repairs()).isEmpty();
        assertThat(journal.lastSequence()).isEqualTo(40);
        assertThat(journal.append(payload(41))).isEqualTo(41);
        assertThat(replayAll(journal, 30)).extracting(CaptureRecord::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(31, 41).boxed().toList());
    }

    @Test
    void pruningKeepsSegmentsWrittenWithinTheGracePeriodAndTheSegmentBeingWritten() throws IOException {
        journalOfFortyInSmallSegments();
        List<Path> before = segments();

        assertThat(journal.prune(40, Instant.now().minus(java.time.Duration.ofDays(7)))).isEmpty();
        assertThat(journal.prune(Long.MAX_VALUE, Instant.now().plusSeconds(60))).hasSize(before.size() - 1);
        assertThat(segments()).containsExactly(before.get(before.size() - 1));

        journal.close();
        journal = open(dir, SMALL_SEGMENTS, FileCaptureJournal.WriterHooks.NONE);
        assertThat(journal.lastSequence()).isEqualTo(40);
        assertThat(journal.append(payload(41))).isEqualTo(41);
    }

    @Test
    void anEmptyLastSegmentLeftAloneByPruningStillNamesTheNextSequence() throws IOException {
        appendAll(1, 2, 3);
        journal.close();
        Files.delete(onlySegment());
        Files.createFile(dir.resolve(String.format("segment-%020d.log", 4)));

        reopen();

        assertThat(journal.append(payload(4))).as("sequences are never reused, even after pruning").isEqualTo(4);
    }

    // ---- concurrency and durability ----

    @Test
    void concurrentAppendsAllDurableAndOrdered() throws Exception {
        int threads = 16;
        int perThread = 300;
        Map<Long, CapturedPayload> bySequence = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    CapturedPayload p = payload(thread * 10_000 + i);
                    long sequence = journal.append(p);
                    assertThat(bySequence.putIfAbsent(sequence, p)).as("sequence %d given twice", sequence).isNull();
                    mine.add(sequence);
                }
                return mine;
            }));
        }
        for (Future<List<Long>> result : results) {
            assertThat(result.get(2, TimeUnit.MINUTES)).isSorted().doesNotHaveDuplicates();
        }
        pool.shutdown();

        long total = (long) threads * perThread;
        assertThat(bySequence.keySet()).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(journal.lastSequence()).isEqualTo(total);
        reopen();
        List<CaptureRecord> replayed = replayAll(journal, 0);
        assertThat(replayed).extracting(CaptureRecord::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
        for (CaptureRecord record : replayed) {
            assertThat(record.payload()).isEqualTo(bySequence.get(record.sequence()));
        }
    }

    @Test
    void anAppendCompletesOnlyAfterTheSyncAndReplayShowsOnlySyncedRecords() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FileCaptureJournal held = open(tmp.resolve("held"), Options.defaults(), () -> await(release));

        CompletableFuture<Long> append = held.appendAsync(payload(1));
        Thread.sleep(300);

        assertThat(append).as("not acknowledged before the fsync").isNotDone();
        assertThat(held.lastSequence()).isZero();
        assertThat(replayAll(held, 0)).isEmpty();
        release.countDown();
        assertThat(append.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(replayAll(held, 0)).hasSize(1);
    }

    @Test
    void groupCommitSharesOneSyncAmongQueuedAppends() throws Exception {
        assertThat(syncsFor(101, Options.defaults())).isEqualTo(2);
    }

    @Test
    void batchesAreBoundedByRecordCount() throws Exception {
        assertThat(syncsFor(101, Options.defaults().withMaxBatchRecords(10))).isEqualTo(1 + 10);
    }

    /** Holds the first sync while {@code appends - 1} more queue up, then counts the syncs that make them durable. */
    private int syncsFor(int appends, Options options) throws Exception {
        AtomicInteger syncs = new AtomicInteger();
        CountDownLatch firstSyncEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FileCaptureJournal held = open(tmp.resolve("grouped"), options, () -> {
            if (syncs.incrementAndGet() == 1) {
                firstSyncEntered.countDown();
                await(release);
            }
        });
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        futures.add(held.appendAsync(payload(0)));
        assertThat(firstSyncEntered.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < appends; i++) {
            futures.add(held.appendAsync(payload(i)));
        }
        release.countDown();
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(futures.stream().map(CompletableFuture::join).collect(Collectors.toList()))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, appends).boxed().toList());
        assertThat(held.stats().records()).isEqualTo(appends);
        assertThat(held.stats().syncs()).isEqualTo(syncs.get());
        return syncs.get();
    }

    @Test
    void aFailedSyncFailsTheAppendAndStopsTheJournal() throws Exception {
        AtomicBoolean diskFails = new AtomicBoolean();
        Path failing = tmp.resolve("failing");
        FileCaptureJournal broken = open(failing, Options.defaults(), () -> {
            if (diskFails.get()) {
                throw new IOException("disk on fire");
            }
        });
        assertThat(broken.append(payload(1))).isEqualTo(1);
        diskFails.set(true);

        assertThatThrownBy(() -> broken.appendAsync(payload(2)).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(JournalException.class)
                .hasRootCauseMessage("disk on fire");
        diskFails.set(false);
        assertThatThrownBy(() -> broken.append(payload(3))).as("no append after a failed fsync, until reopened")
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("reopen");
        assertThat(broken.lastSequence()).isEqualTo(1);
        broken.close();

        FileCaptureJournal reopened = open(failing, Options.defaults(), FileCaptureJournal.WriterHooks.NONE);
        assertThat(replayAll(reopened, 0)).extracting(CaptureRecord::payload).startsWith(payload(1));
        assertThat(reopened.append(payload(4))).isEqualTo(reopened.lastSequence());
    }

    @Test
    void closeWritesWhatIsQueuedAndWaitsForIt() throws Exception {
        CountDownLatch firstSyncEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Path held = tmp.resolve("closing");
        FileCaptureJournal closing = open(held, Options.defaults(), () -> {
            firstSyncEntered.countDown();
            await(release);
        });
        List<CompletableFuture<Long>> futures = new ArrayList<>();
        futures.add(closing.appendAsync(payload(0)));
        assertThat(firstSyncEntered.await(30, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 50; i++) {
            futures.add(closing.appendAsync(payload(i)));
        }
        Thread closer = new Thread(closing::close);
        closer.start();
        closer.join(300);
        assertThat(closer.isAlive()).as("close waits for the queued appends").isTrue();

        release.countDown();
        closer.join(30_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(futures).allSatisfy(future -> assertThat(future).isCompleted());
        FileCaptureJournal reopened = open(held, Options.defaults(), FileCaptureJournal.WriterHooks.NONE);
        assertThat(reopened.lastSequence()).isEqualTo(51);
    }

    @Test
    void anOversizedPayloadIsRefusedAndTheJournalGoesOn() {
        CapturedPayload huge = CapturedPayload.of("x", Instant.EPOCH, null, new byte[CaptureRecordFormat.MAX_BODY_LENGTH]);

        assertThatThrownBy(() -> journal.append(huge)).isInstanceOf(JournalException.class).hasMessageContaining("limit");
        assertThat(journal.append(payload(1))).isEqualTo(1);
    }

    @Test
    void aHeaderThatIsNotUnicodeIsRefusedRatherThanAltered() {
        CapturedPayload lone = CapturedPayload.of("x", Instant.EPOCH, Map.of("X-Name", "half a surrogate \ud800"), new byte[1]);

        assertThatThrownBy(() -> journal.append(lone)).isInstanceOf(JournalException.class).hasMessageContaining("X-Name");
        assertThat(journal.append(payload(1))).isEqualTo(1);
    }

    @Test
    void aDirectoryIsOpenedByOneJournalAtATime() {
        assertThatThrownBy(() -> FileCaptureJournal.open(dir)).isInstanceOf(JournalException.class)
                .hasMessageContaining("already open");
        journal.close();
        journal = open(dir, Options.defaults(), FileCaptureJournal.WriterHooks.NONE);
        assertThat(journal.lastSequence()).isZero();
    }

    // ---- helpers ----

    private FileCaptureJournal open(Path directory, Options options, FileCaptureJournal.WriterHooks hooks) {
        FileCaptureJournal j = FileCaptureJournal.open(directory, options, hooks);
        opened.add(j);
        return j;
    }

    private void reopen() {
        journal.close();
        journal = open(dir, Options.defaults(), FileCaptureJournal.WriterHooks.NONE);
    }

    private void appendAll(int... ns) {
        for (int n : ns) {
            journal.append(payload(n));
        }
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("segment-\\d{20}\\.log")).sorted().toList();
        }
    }

    private static long firstSequenceOf(Path segment) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(segment)).getLong(12);
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    /** Where each record starts, following the length fields (the documented layout, not our reader). */
    private static long[] recordOffsets(byte[] segment) {
        List<Long> offsets = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(segment);
        int at = 0;
        while (at + 12 <= segment.length) {
            offsets.add((long) at);
            at += 12 + in.getInt(at + 4);
        }
        return offsets.stream().mapToLong(Long::longValue).toArray();
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String utf8(ByteBuffer in) {
        byte[] bytes = new byte[in.getInt()];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test latch never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Options SMALL_SEGMENTS = Options.defaults().withSegmentSize(4096);

    /** Reopens the journal with 4 KiB segments and appends payloads 1 to 40, which fill several of them. */
    private void journalOfFortyInSmallSegments() throws IOException {
        journal.close();
        journal = open(dir, SMALL_SEGMENTS, FileCaptureJournal.WriterHooks.NONE);
        for (int i = 1; i <= 40; i++) {
            journal.append(payload(i));
        }
    }
}
