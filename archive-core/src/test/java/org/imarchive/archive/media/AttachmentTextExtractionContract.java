package org.imarchive.archive.media;

import org.imarchive.archive.indexing.MessageDocuments;
import org.imarchive.archive.indexing.SearchIndexer;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.pipeline.ArchivePipeline;
import org.imarchive.archive.search.SearchHit;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.lucene.LuceneSearchIndex;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.support.Sha256;
import org.imarchive.archive.testing.ArchiveFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imarchive.archive.media.MediaSamples.mediaUrl;
import static org.imarchive.archive.media.MediaSamples.pending;
import static org.imarchive.archive.media.MediaSamples.withPendingMedia;
import static org.imarchive.archive.testing.SampleRecords.T0;

/**
 * From a fetched attachment to a search hit on its text: retrieval, extraction and the indexer's reindex requests,
 * over each metadata database (the queue, text and request tables are plain SQL that both must run).
 */
abstract class AttachmentTextExtractionContract {
    static final byte[] STATEMENT = SamplePdf.withText("Quarterly statement: guaranteed return of 8 percent");

    @TempDir
    Path dir;
    ArchiveFixture fixture;
    LuceneSearchIndex index;
    AttachmentTexts texts;
    AttachmentTextExtractor extractor = new AttachmentTextExtractor(Duration.ofSeconds(30), 1024 * 1024, 100_000);
    List<String> extracted = new ArrayList<>();
    ScriptedFetcher platform = new ScriptedFetcher();
    MediaRetrieval retrieval;
    AttachmentTextExtraction extraction;
    SearchIndexer indexer;

    /** A fresh, migrated metadata database. */
    abstract DataSource database(Path dir);

    @BeforeEach
    void wire() {
        TestClock clock = new TestClock(T0.plusSeconds(60));
        fixture = new ArchiveFixture(database(dir), dir, clock);
        index = LuceneSearchIndex.open(dir.resolve("search"));
        texts = new AttachmentTexts(fixture.dataSource);
        retrieval = new MediaRetrieval(fixture.store, fixture.dataSource, List.of(platform), MediaRetrievalSettings.defaults(),
                dir.resolve("spool"), clock, MediaRetrievalListener.NONE);
        extraction = new AttachmentTextExtraction(fixture.store, fixture.blobs, texts, extractor, clock,
                new TextExtractionListener() {
                    @Override
                    public void extracted(String sha256, ExtractedText outcome) {
                        extracted.add(outcome.status().wireName());
                    }
                });
        indexer = new SearchIndexer(fixture.store, index, new MessageDocuments(account -> null, texts::textOf), SearchIndexer.CONSUMER,
                Duration.ofSeconds(1), texts);
    }

    @AfterEach
    void close() {
        extractor.close();
        // both stay null when the database is not there and the test was skipped
        if (index != null) {
            index.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    void commit(ArchivedMessage message) {
        fixture.store.commit(List.of(new Commit(message, false)), ArchivePipeline.CONSUMER, message.provenance().journalSequence());
    }

    List<String> found(String q) {
        index.refresh();
        return index.search(SearchQuery.of(q)).hits().stream().map(SearchHit::messageId).toList();
    }

    @Test
    void messageBecomesFindableByItsAttachmentsTextOnceExtracted() {
        ArchivedMessage message = withPendingMedia("MM1", T0, 1, pending("ME1"));
        platform.answer(mediaUrl("ME1"), STATEMENT);
        commit(message);
        retrieval.runOnce();
        indexer.catchUp(serial -> { });
        assertThat(found("guaranteed")).as("indexed before the text exists").isEmpty();

        extraction.runOnce();
        assertThat(texts.outcomeOf(Sha256.hex(STATEMENT)).orElseThrow().status()).isEqualTo(ExtractedText.Status.EXTRACTED);
        indexer.catchUp(serial -> { });

        assertThat(found("guaranteed")).containsExactly(message.id());
        assertThat(texts.oldest(10)).as("the reindex request is gone once served").isEmpty();
    }

    @Test
    void unreadableAttachmentIsRecordedOnceAndTheMessageStaysSearchable() {
        ArchivedMessage message = withPendingMedia("MM2", T0, 1, pending("ME2"));
        platform.answer(mediaUrl("ME2"), SamplePdf.corrupt());
        commit(message);
        retrieval.runOnce();
        extraction.runOnce();
        extraction.runOnce();
        indexer.catchUp(serial -> { });

        assertThat(extracted).containsExactly("unreadable");
        assertThat(texts.outcomeOf(Sha256.hex(SamplePdf.corrupt())).orElseThrow().reason()).isNotBlank();
        assertThat(found("attached")).containsExactly(message.id());
    }

    @Test
    void sameContentInTwoMessagesIsExtractedOnceAndFoundInBoth() {
        ArchivedMessage first = withPendingMedia("MM3", T0, 1, pending("ME3"));
        ArchivedMessage second = withPendingMedia("MM4", T0.plusSeconds(1), 2, pending("ME4"));
        platform.answer(mediaUrl("ME3"), STATEMENT).answer(mediaUrl("ME4"), STATEMENT);
        commit(first);
        commit(second);
        retrieval.runOnce();
        indexer.catchUp(serial -> { });
        extraction.runOnce();
        indexer.catchUp(serial -> { });

        assertThat(extracted).containsExactly("extracted");
        assertThat(found("guaranteed")).containsExactlyInAnyOrder(first.id(), second.id());
    }
}
