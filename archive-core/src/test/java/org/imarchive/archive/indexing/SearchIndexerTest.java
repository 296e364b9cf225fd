package org.imarchive.archive.indexing;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.lucene.LuceneSearchIndex;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imarchive.archive.testing.SampleRecords.T0;
import static org.imarchive.archive.testing.SampleRecords.delivery;
import static org.imarchive.archive.testing.SampleRecords.edit;
import static org.imarchive.archive.testing.SampleRecords.message;

class SearchIndexerTest {
    static final String UNREADABLE = "+19990000000";

    static ArchivedMessage onAccount(ArchivedMessage m, String account) {
        return new ArchivedMessage(m.id(), new MessageKey(m.platform(), account, m.messageKey().platformMessageId()), m.channel(),
                m.platformConversationId(), m.direction(), m.sender(), m.recipients(), m.sentAt(), m.capturedAt(), m.content(),
                m.replyToPlatformMessageId(), m.forward(), m.provenance());
    }

    @TempDir
    Path dir;

    @Test
    void indexFollowsTheArchiveFromItsCheckpointAndSkipsWhatItCannotIndex() {
        try (ArchiveFixture fixture = new ArchiveFixture(TestDatabases.h2(dir), dir, Clock.systemUTC());
             LuceneSearchIndex index = LuceneSearchIndex.open(dir.resolve("search"))) {
            fixture.store.commit(List.of(new Commit(message("A", "+4479", "first guarantee", T0), false),
                    new Commit(onAccount(message("B", "+4470", "poison", T0), UNREADABLE), false),
                    new Commit(edit("A", "second wording", T0.plusSeconds(5)), false),
                    new Commit(delivery("C", "read", T0), false)), "test", 1);
            MessageDocuments documents = new MessageDocuments(account -> {
                if (account.accountId().equals(UNREADABLE)) {
                    throw new IllegalStateException("this account's owner cannot be read");
                }
                return null;
            }, sha256 -> java.util.Optional.empty());
            SearchIndexer indexer = new SearchIndexer(fixture.store, index, documents, SearchIndexer.CONSUMER, Duration.ofSeconds(1));
            indexer.catchUp(serial -> { });

            assertThat(index.search(SearchQuery.of("guarantee")).total()).as("the edited-away version stays findable").isEqualTo(1);
            assertThat(index.search(SearchQuery.of("wording")).hits()).singleElement().satisfies(hit -> assertThat(hit.current()).isTrue());
            assertThat(index.search(SearchQuery.of("poison")).total()).isZero();
            assertThat(index.count()).as("A in two versions, and C known only by its status").isEqualTo(3);
            assertThat(fixture.store.checkpoint(SearchIndexer.CONSUMER)).isEqualTo(fixture.store.lastLedgerSerial());
        }
    }

    @Test
    void anIndexOutageDelaysIndexingAndLosesNothing() throws Exception {
        try (ArchiveFixture fixture = new ArchiveFixture(TestDatabases.h2(dir), dir, Clock.systemUTC());
             LuceneSearchIndex lucene = LuceneSearchIndex.open(dir.resolve("search"))) {
            java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean(true);
            org.imarchive.archive.search.SearchIndex flaky = new org.imarchive.archive.search.SearchIndex() {
                @Override
                public void index(List<org.imarchive.archive.search.SearchDocument> documents) {
                    if (down.get()) {
                        throw new org.imarchive.archive.search.SearchIndexException("cluster unreachable", java.util.Map.of());
                    }
                    lucene.index(documents);
                }

                @Override
                public void delete(java.util.Collection<String> ids) {
                    lucene.delete(ids);
                }

                @Override
                public org.imarchive.archive.search.SearchResult search(SearchQuery query) {
                    return lucene.search(query);
                }

                @Override
                public void refresh() {
                    lucene.refresh();
                }

                @Override
                public long count() {
                    return lucene.count();
                }

                @Override
                public void close() {
                }
            };
            SearchIndexer indexer = new SearchIndexer(fixture.store, flaky, new MessageDocuments(account -> null, sha -> java.util.Optional.empty()),
                    SearchIndexer.CONSUMER, Duration.ofMillis(200));
            indexer.start();
            for (int i = 0; i < 20; i++) {
                fixture.store.commit(List.of(new Commit(message("O" + i, "+4479", "during the outage " + i, T0.plusSeconds(i)), false)), "test", i + 1);
                indexer.committed(List.of());
            }
            Thread.sleep(500);
            assertThat(fixture.store.messageCount()).as("capture and commit went on").isEqualTo(20);
            assertThat(fixture.store.checkpoint(SearchIndexer.CONSUMER)).as("nothing counted as indexed while down").isZero();

            down.set(false);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (indexer.indexedSerial() < fixture.store.lastLedgerSerial() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            indexer.close();
            lucene.refresh();
            assertThat(lucene.search(SearchQuery.of("outage")).total()).isEqualTo(20);
        }
    }
}
