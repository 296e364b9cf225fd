package org.imarchive.gateway.holds;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.imarchive.archive.indexing.MessageDocuments;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.SampleRecords;
import org.imarchive.archive.testing.TestDatabases;
import org.imarchive.retention.hold.RecordFacts;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imarchive.archive.testing.SampleRecords.T0;

/**
 * What {@link SearchIndexHoldQueryMatcher} answers, whichever index adapter is behind it: a match in any version, no
 * for an indexed message that does not match, and yes whenever the index cannot tell.
 */
interface HoldQueryMatcherContract {

    /** The archive over H2 and a fresh, empty index of the adapter under test. */
    Fixture fixture();

    /** Makes the index fail every search from now on, as an unreachable or closed index would. */
    void breakIndex();

    @Test
    default void matchesTextThatWasEditedAway() {
        String messageId = fixture().commit(SampleRecords.message("wamid.1", "+447700900123", "the insider tip as promised", T0),
                SampleRecords.edit("wamid.1", "the quarterly report as promised", T0.plusSeconds(60)));
        fixture().indexAll(messageId);

        assertThat(fixture().matcher.matches("insider", fixture().facts(messageId))).isTrue();
        assertThat(fixture().matcher.matches("quarterly AND report", fixture().facts(messageId))).isTrue();
    }

    @Test
    default void anIndexedMessageThatDoesNotMatchIsNotHeld() {
        String messageId = fixture().commit(SampleRecords.message("wamid.2", "+447700900123", "lunch on friday?", T0));
        fixture().indexAll(messageId);

        assertThat(fixture().matcher.matches("insider", fixture().facts(messageId))).isFalse();
        assertThat(fixture().undecided()).isZero();
    }

    @Test
    default void aMessageNotIndexedYetIsHeld() {
        String messageId = fixture().commit(SampleRecords.message("wamid.3", "+447700900123", "lunch on friday?", T0));

        assertThat(fixture().matcher.matches("insider", fixture().facts(messageId))).isTrue();
        assertThat(fixture().undecided()).isEqualTo(1);
    }

    @Test
    default void anEditNotIndexedYetKeepsTheMessageHeld() {
        String messageId = fixture().commit(SampleRecords.message("wamid.4", "+447700900123", "lunch on friday?", T0));
        fixture().indexAll(messageId);
        fixture().commit(SampleRecords.edit("wamid.4", "the insider tip", T0.plusSeconds(60)));

        assertThat(fixture().matcher.matches("insider", fixture().facts(messageId))).isTrue();
    }

    @Test
    default void anIndexThatFailsHoldsTheMessage() {
        String messageId = fixture().commit(SampleRecords.message("wamid.5", "+447700900123", "lunch on friday?", T0));
        fixture().indexAll(messageId);
        RecordFacts facts = fixture().facts(messageId);
        breakIndex();

        assertThat(fixture().matcher.matches("insider", facts)).isTrue();
        assertThat(fixture().undecided()).isEqualTo(1);
    }

    /** An archive over H2 and the index under test, wired as the gateway wires them. */
    final class Fixture implements AutoCloseable {
        final ArchiveFixture archive;
        final SearchIndex index;
        final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        final SearchIndexHoldQueryMatcher matcher;
        private final MessageDocuments documents;
        private long sequence;

        Fixture(Path dir, SearchIndex index) {
            this.archive = new ArchiveFixture(TestDatabases.h2(dir), dir, Clock.fixed(T0, ZoneOffset.UTC));
            this.index = index;
            AttachmentTexts texts = new AttachmentTexts(archive.dataSource);
            this.documents = new MessageDocuments(account -> null, texts::textOf);
            this.matcher = new SearchIndexHoldQueryMatcher(index, archive.store, texts, metrics);
        }

        String commit(ArchiveRecord... records) {
            String messageId = null;
            for (ArchiveRecord record : records) {
                messageId = archive.store.commit(List.of(new Commit(record, false)), ArchivePipeline.CONSUMER, ++sequence).get(0).messageId();
            }
            return messageId;
        }

        void indexAll(String messageId) {
            index.index(documents.of(archive.store.message(messageId).orElseThrow()));
            index.refresh();
        }

        RecordFacts facts(String messageId) {
            StoredMessage message = archive.store.message(messageId).orElseThrow();
            return new RecordFacts(messageId, message.conversationId(), null, Set.of("+447700900123"),
                    message.original().orElseThrow().sentAt(), message.key().platform(), message.key().accountId());
        }

        double undecided() {
            return metrics.find("imarchive.holds.query.undecided").counters().stream().mapToDouble(c -> c.count()).sum();
        }

        @Override
        public void close() {
            archive.close();
        }
    }
}
