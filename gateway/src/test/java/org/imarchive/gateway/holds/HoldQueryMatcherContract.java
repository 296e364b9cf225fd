package org.imarchive.gateway.holds;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.imarchive.archive.indexing.MessageDocuments;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.search.SearchHit;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.SortOrder;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.SampleRecords;
import org.imarchive.archive.testing.TestDatabases;
import org.imarchive.archive.model.Platform;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.accounts.RegisteredAccount;
import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.LegalHold;
import org.imarchive.retention.hold.RecordFacts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imarchive.archive.testing.SampleRecords.T0;

/**
 * What {@link SearchIndexHoldQueryMatcher} answers, whichever index adapter is behind it: a match in any version, no
 * for an indexed message that does not match, and yes whenever the index cannot tell; and the searches {@link
 * HeldMessages} answers over it.
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

    @Test
    default void aSearchFilteredByAHoldPagesExactlyTheMessagesItCovers() {
        String client = "+447700900123";
        List<String> covered = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            covered.add(fixture().commit(SampleRecords.message("wamid.held" + i, client, "insider note " + i, T0.plusSeconds(60L * i))));
            others.add(fixture().commit(SampleRecords.message("wamid.other" + i, "+447700900999", "insider note " + i, T0.plusSeconds(60L * i + 30))));
        }
        fixture().commit(SampleRecords.message("wamid.lunch", client, "lunch on friday?", T0.plusSeconds(600)));
        fixture().commit(SampleRecords.edit("wamid.held4", "a harmless note", T0.plusSeconds(700)));
        fixture().indexAllCommitted();
        LegalHold hold = LegalHold.place("SEC v. Example", "preserve", "compliance", T0,
                new HoldScope(null, Set.of("whatsapp:+44 7700 900123"), null, "insider", null, null));
        SearchQuery pagesOfTwo = SearchQuery.builder().pageSize(2).order(SortOrder.OLDEST_FIRST).build();

        List<String> walked = new ArrayList<>();
        HeldMessages.HeldPage page = fixture().held.page(hold, pagesOfTwo, 0);
        assertThat(page.total()).as("the versions that match the hold's query: not the edit that removed it").isEqualTo(5);
        assertThat(page.totalExact()).isTrue();
        while (true) {
            assertThat(page.hits().size()).isBetween(1, 2);
            page.hits().forEach(hit -> walked.add(hit.messageId()));
            if (page.nextCursor() == null) {
                break;
            }
            page = fixture().held.page(hold, pagesOfTwo.withCursor(page.nextCursor()), 0);
        }
        assertThat(walked).as("each covered message once, oldest first, the edited one by its original").containsExactlyElementsOf(covered);

        assertThat(fixture().held.page(hold, pagesOfTwo, 1).hits()).extracting(SearchHit::messageId).containsExactly(covered.get(2), covered.get(3));
        HeldMessages.HeldPage last = fixture().held.page(hold, pagesOfTwo, 2);
        assertThat(last.hits()).extracting(SearchHit::messageId).containsExactly(covered.get(4));
        assertThat(last.nextCursor()).isNull();
        assertThat(fixture().held.page(hold, pagesOfTwo, 3).hits()).isEmpty();

        HeldMessages.HeldPage narrowed = fixture().held.page(hold, SearchQuery.builder().q("note AND 3").build(), 0);
        assertThat(narrowed.hits()).extracting(SearchHit::messageId).containsExactly(covered.get(3));
        assertThat(narrowed.total()).isEqualTo(1);
        assertThat(fixture().held.page(hold, SearchQuery.builder().to(T0).build(), 0).hits()).as("nothing sent before the hold's range").isEmpty();
        assertThat(fixture().held.count(hold)).isEqualTo(5);
        HoldScope twoConversations = new HoldScope(null, null, Set.of(conversationOf(covered.get(0)), conversationOf(others.get(0))),
                "insider", null, null);
        assertThat(fixture().held.page(LegalHold.place("M-2", "preserve", "compliance", T0, twoConversations), SearchQuery.all(), 0).total())
                .as("both conversations named in the candidate query").isEqualTo(10);
        assertThatThrownBy(() -> fixture().held.page(hold, SearchQuery.builder().currentOnly(true).build(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every version");
    }

    @Test
    default void aCustodianHoldKeepsAnAccountsMessagesForEveryOwnerItHadThroughHandOverAndRevocation() {
        RegisteredAccount anna = fixture().accounts.request(Platform.WHATSAPP, SampleRecords.ACCOUNT, "rm-anna", "desk line",
                LocalDate.of(2027, 3, 2), AccountRegister.RetentionFacts.UNKNOWN, "it-admin", null);
        fixture().accounts.decide(anna.id(), true, "compliance", "approved", null);
        for (int i = 0; i < 3; i++) {
            fixture().commit(SampleRecords.message("wamid.desk" + i, "+447700900123", "desk note " + i, T0.plusSeconds(60L * i)));
        }
        fixture().indexAllCommitted();
        fixture().accounts.revoke(anna.id(), "compliance", "rm-anna moved to another desk", null);
        RegisteredAccount ben = fixture().accounts.request(Platform.WHATSAPP, SampleRecords.ACCOUNT, "rm-ben", "desk line, new owner",
                LocalDate.of(2027, 3, 2), AccountRegister.RetentionFacts.UNKNOWN, "it-admin", null);
        fixture().accounts.decide(ben.id(), true, "compliance", "approved", null);

        LegalHold bensHold = LegalHold.place("M-ben", "preserve", "compliance", T0, new HoldScope(Set.of("RM-Ben"), null, null, null, null, null));
        LegalHold annasHold = LegalHold.place("M-anna", "preserve", "compliance", T0, new HoldScope(Set.of("rm-anna"), null, null, null, null, null));
        assertThat(fixture().index.search(SearchQuery.builder().visibleRms(Set.of("rm-anna")).build()).total())
                .as("the index still names the owner at indexing time").isEqualTo(3);
        assertThat(fixture().held.count(bensHold)).isEqualTo(3);
        assertThat(fixture().held.page(bensHold, SearchQuery.all(), 0).hits()).hasSize(3);
        assertThat(fixture().held.count(annasHold)).as("the account was hers when they were written").isEqualTo(3);
        assertThat(fixture().held.page(annasHold, SearchQuery.all(), 0).hits()).hasSize(3);

        fixture().accounts.revoke(ben.id(), "compliance", "desk line closed", null);
        assertThat(fixture().held.count(bensHold)).as("revoking the account releases nothing a hold keeps").isEqualTo(3);
        assertThat(fixture().held.count(annasHold)).isEqualTo(3);
    }

    private String conversationOf(String messageId) {
        return fixture().archive.store.message(messageId).orElseThrow().conversationId();
    }

    /** An archive over H2 and the index under test, wired as the gateway wires them. */
    final class Fixture implements AutoCloseable {
        final ArchiveFixture archive;
        final SearchIndex index;
        final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        final SearchIndexHoldQueryMatcher matcher;
        final AccountRegister accounts;
        final HeldMessages held;
        private final MessageDocuments documents;
        private final List<String> committed = new ArrayList<>();
        private long sequence;

        Fixture(Path dir, SearchIndex index) {
            Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
            this.archive = new ArchiveFixture(TestDatabases.h2(dir), dir, clock);
            this.index = index;
            AttachmentTexts texts = new AttachmentTexts(archive.dataSource);
            this.accounts = new AccountRegister(new JdbcTemplate(archive.dataSource), archive.audit, clock);
            this.documents = new MessageDocuments(account -> accounts.ownerOf(account).orElse(null), texts::textOf);
            this.matcher = new SearchIndexHoldQueryMatcher(index, archive.store, texts, metrics);
            this.held = new HeldMessages(index, archive.store, new MessageFacts(accounts), matcher);
        }

        String commit(ArchiveRecord... records) {
            String messageId = null;
            for (ArchiveRecord record : records) {
                messageId = archive.store.commit(List.of(new Commit(record, false)), ArchivePipeline.CONSUMER, ++sequence).get(0).messageId();
                if (!committed.contains(messageId)) {
                    committed.add(messageId);
                }
            }
            return messageId;
        }

        void indexAllCommitted() {
            committed.forEach(messageId -> index.index(documents.of(archive.store.message(messageId).orElseThrow())));
            index.refresh();
        }

        void indexAll(String messageId) {
            index.index(documents.of(archive.store.message(messageId).orElseThrow()));
            index.refresh();
        }

        RecordFacts facts(String messageId) {
            StoredMessage message = archive.store.message(messageId).orElseThrow();
            return new RecordFacts(messageId, message.conversationId(), Set.of(), Set.of("+447700900123"),
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
