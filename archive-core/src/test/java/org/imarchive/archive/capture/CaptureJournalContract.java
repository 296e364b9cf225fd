package org.imarchive.archive.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link CaptureJournal} adapter promises, whatever it stores records in. An adapter's test implements
 * {@link #testee()} with a fresh, empty journal per test (and closes it afterwards).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public interface CaptureJournalContract {

    CaptureJournal testee();

    static CapturedPayload payload(int n) {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + n
                + "\",\"changes\":[{\"value\":{\"messages\":[{\"text\":{\"body\":\"message " + n + " \u00e9\u4e2d\ud83d\ude00\"}}]}}]}]}";
        return CapturedPayload.of("whatsapp-cloud-inbound", Instant.ofEpochSecond(1_700_000_000L + n, n * 1_000L + 7),
                Map.of("Content-Type", "application/json", "X-Hub-Signature-256", "sha256=" + Integer.toHexString(n)),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static List<CaptureRecord> replayAll(CaptureJournal journal, long afterSequence) {
        List<CaptureRecord> records = new ArrayList<>();
        journal.replay(afterSequence, records::add);
        return records;
    }

    @Test
    default void emptyJournalHasNothingToReplay() {
        assertThat(testee().lastSequence()).isZero();
        assertThat(replayAll(testee(), 0)).isEmpty();
    }

    @Test
    default void freshJournalReportsNoRepairs() {
        assertThat(testee().repairs()).isEmpty();
    }

    @Test
    default void appendsGetIncreasingSequencesStartingAtOne() {
        long first = testee().append(payload(1));
        long second = testee().append(payload(2));
        long third = testee().append(payload(3));

        assertThat(first).isEqualTo(1);
        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(testee().lastSequence()).isEqualTo(third);
    }

    @Test
    default void appendedPayloadsReplayInOrderAndUnchanged() {
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sequences.add(testee().append(payload(i)));
        }

        List<CaptureRecord> replayed = replayAll(testee(), 0);

        assertThat(replayed).extracting(CaptureRecord::sequence).containsExactlyElementsOf(sequences);
        for (int i = 0; i < 20; i++) {
            assertThat(replayed.get(i).payload()).isEqualTo(payload(i));
        }
    }

    @Test
    default void replayStartsAfterTheGivenSequence() {
        for (int i = 1; i <= 10; i++) {
            testee().append(payload(i));
        }

        assertThat(replayAll(testee(), 6)).extracting(CaptureRecord::sequence).containsExactly(7L, 8L, 9L, 10L);
        assertThat(replayAll(testee(), 10)).isEmpty();
        assertThat(replayAll(testee(), 1_000)).isEmpty();
    }

    @Test
    default void appendAsyncCompletesWithTheSequenceOnceDurable() throws Exception {
        CompletableFuture<Long> first = testee().appendAsync(payload(1));
        CompletableFuture<Long> second = testee().appendAsync(payload(2));

        long one = first.get(30, TimeUnit.SECONDS);
        long two = second.get(30, TimeUnit.SECONDS);

        assertThat(two).isGreaterThan(one);
        assertThat(testee().lastSequence()).isGreaterThanOrEqualTo(two);
        assertThat(replayAll(testee(), 0)).extracting(CaptureRecord::payload).containsExactly(payload(1), payload(2));
    }

    @Test
    default void emptyBodyAndNoHeadersAreKept() {
        CapturedPayload empty = CapturedPayload.of("telegram-inbound", Instant.EPOCH, null, new byte[0]);

        testee().append(empty);

        assertThat(replayAll(testee(), 0)).singleElement().extracting(CaptureRecord::payload).isEqualTo(empty);
    }

    @Test
    default void aConsumerFailureReachesTheCaller() {
        testee().append(payload(1));

        assertThatThrownBy(() -> testee().replay(0, record -> {
            throw new IllegalStateException("normalizer broke");
        })).hasMessage("normalizer broke");
    }

    @Test
    default void appendAfterCloseFails() {
        CaptureJournal journal = testee();
        journal.append(payload(1));
        journal.close();

        assertThatThrownBy(() -> journal.appendAsync(payload(2)).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(JournalException.class);
        assertThatThrownBy(() -> journal.append(payload(3))).isInstanceOf(JournalException.class);
        journal.close(); // a second close is harmless
    }
}
