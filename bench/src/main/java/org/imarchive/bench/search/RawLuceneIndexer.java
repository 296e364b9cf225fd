package org.imarchive.bench.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.imarchive.archive.search.SearchDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The baseline: the same documents written straight to a Lucene {@link IndexWriter}, with the fields our adapter
 * writes and the analysis a Lucene user would pick for the same needs (ICU word breaking, which knows Thai and CJK,
 * and ICU folding). Upserts by id, as an archive indexer must for replay.
 */
final class RawLuceneIndexer {

    private RawLuceneIndexer() {
    }

    static void index(Path directory, List<SearchDocument> docs) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(icuAnalyzer()).setRAMBufferSizeMB(64);
        try (FSDirectory dir = FSDirectory.open(directory); IndexWriter writer = new IndexWriter(dir, config)) {
            for (SearchDocument doc : docs) {
                writer.updateDocument(new Term("id", doc.id()), toDocument(doc));
            }
            writer.commit();
        }
    }

    private static Analyzer icuAnalyzer() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                ICUTokenizer tokenizer = new ICUTokenizer();
                return new TokenStreamComponents(tokenizer, new ICUFoldingFilter(tokenizer));
            }
        };
    }

    private static Document toDocument(SearchDocument doc) {
        Document lucene = new Document();
        keyword(lucene, "id", doc.id());
        lucene.add(new SortedDocValuesField("id", new BytesRef(doc.id())));
        keyword(lucene, "message", doc.messageId());
        keyword(lucene, "version", doc.versionId());
        keyword(lucene, "current", Boolean.toString(doc.current()));
        keyword(lucene, "deleted", Boolean.toString(doc.deleted()));
        keyword(lucene, "flagged", Boolean.toString(doc.flagged()));
        keyword(lucene, "platform", doc.platform());
        keyword(lucene, "channel", doc.channel());
        keyword(lucene, "account", doc.accountId());
        keyword(lucene, "rm", doc.rm());
        keyword(lucene, "conversation", doc.conversationId());
        keyword(lucene, "direction", doc.direction());
        keyword(lucene, "retention", doc.retentionClass());
        keyword(lucene, "participantKey", doc.sender().platformId());
        keyword(lucene, "participantKey", doc.sender().displayName());
        StringBuilder participants = new StringBuilder(doc.sender().platformId() + " " + doc.sender().displayName());
        for (SearchDocument.Participant participant : doc.participants()) {
            keyword(lucene, "participantKey", participant.platformId());
            keyword(lucene, "participantKey", participant.displayName());
            participants.append('\n').append(participant.platformId()).append(' ').append(participant.displayName());
        }
        lucene.add(new TextField("text", doc.text(), Field.Store.NO));
        lucene.add(new TextField("attachment", doc.attachmentText() + "\n" + String.join("\n", doc.attachmentNames()), Field.Store.NO));
        lucene.add(new TextField("sender", doc.sender().platformId() + " " + doc.sender().displayName(), Field.Store.NO));
        lucene.add(new TextField("participant", participants.toString(), Field.Store.NO));
        lucene.add(new LongPoint("sentAt", doc.sentAt().toEpochMilli()));
        lucene.add(new NumericDocValuesField("sentAt", doc.sentAt().toEpochMilli()));
        lucene.add(new LongPoint("capturedAt", doc.capturedAt().toEpochMilli()));
        lucene.add(new StoredField("versionNumber", doc.versionNumber()));
        lucene.add(new StoredField("display.id", doc.id()));
        lucene.add(new StoredField("display.messageId", doc.messageId()));
        lucene.add(new StoredField("display.conversationId", doc.conversationId()));
        lucene.add(new StoredField("display.text", doc.text()));
        lucene.add(new StoredField("display.attachmentText", doc.attachmentText()));
        doc.attachmentNames().forEach(name -> lucene.add(new StoredField("display.attachmentNames", name)));
        return lucene;
    }

    private static void keyword(Document lucene, String field, String value) {
        if (!value.isEmpty()) {
            lucene.add(new StringField(field, value.toLowerCase(Locale.ROOT), Field.Store.NO));
        }
    }
}
