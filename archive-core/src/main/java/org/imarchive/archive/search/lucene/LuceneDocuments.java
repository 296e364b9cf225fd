package org.imarchive.archive.search.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.util.BytesRef;
import org.imarchive.archive.search.SearchDocument;
import org.imarchive.archive.search.internal.SearchFields;
import org.imarchive.archive.search.internal.StoredHit;

import java.io.IOException;
import java.util.Arrays;

/** Maps a {@link SearchDocument} to the Lucene fields of {@link SearchFields}, and a hit back. */
final class LuceneDocuments {

    private LuceneDocuments() {
    }

    static Document toDocument(SearchDocument doc) {
        Document lucene = new Document();
        for (String field : SearchFields.KEYWORD_FIELDS) {
            for (String value : SearchFields.keywordValues(doc, field)) {
                lucene.add(new StringField(field, value, Field.Store.NO));
            }
        }
        String sortId = SearchFields.keywordValues(doc, SearchFields.ID).get(0);
        lucene.add(new SortedDocValuesField(SearchFields.ID, new BytesRef(sortId)));
        for (String field : SearchFields.WORD_FIELDS) {
            lucene.add(new TextField(field, SearchFields.wordFieldSource(doc, field), Field.Store.NO));
        }
        for (String field : SearchFields.TIME_FIELDS) {
            lucene.add(new LongPoint(field, SearchFields.timeValue(doc, field)));
        }
        lucene.add(new NumericDocValuesField(SearchFields.SENT_AT, doc.sentAt().toEpochMilli()));
        lucene.add(new StoredField(SearchFields.VERSION_NUMBER, doc.versionNumber()));
        lucene.add(new StoredField(SearchFields.CURRENT, Boolean.toString(doc.current())));
        lucene.add(new StoredField(SearchFields.DELETED, Boolean.toString(doc.deleted())));
        lucene.add(new StoredField(SearchFields.DISPLAY_ID, doc.id()));
        lucene.add(new StoredField(SearchFields.DISPLAY_MESSAGE_ID, doc.messageId()));
        lucene.add(new StoredField(SearchFields.DISPLAY_CONVERSATION_ID, doc.conversationId()));
        lucene.add(new StoredField(SearchFields.DISPLAY_TEXT, doc.text()));
        lucene.add(new StoredField(SearchFields.DISPLAY_ATTACHMENT_TEXT, doc.attachmentText()));
        for (String name : doc.attachmentNames()) {
            lucene.add(new StoredField(SearchFields.DISPLAY_ATTACHMENT_NAMES, name));
        }
        return lucene;
    }

    static StoredHit toHit(StoredFields storedFields, FieldDoc sorted) throws IOException {
        Document stored = storedFields.document(sorted.doc);
        return new StoredHit(
                stored.get(SearchFields.DISPLAY_ID),
                stored.get(SearchFields.DISPLAY_MESSAGE_ID),
                stored.get(SearchFields.DISPLAY_CONVERSATION_ID),
                stored.getField(SearchFields.VERSION_NUMBER).numericValue().intValue(),
                Boolean.parseBoolean(stored.get(SearchFields.CURRENT)),
                Boolean.parseBoolean(stored.get(SearchFields.DELETED)),
                (Long) sorted.fields[0],
                ((BytesRef) sorted.fields[1]).utf8ToString(),
                stored.get(SearchFields.DISPLAY_TEXT),
                stored.get(SearchFields.DISPLAY_ATTACHMENT_TEXT),
                Arrays.asList(stored.getValues(SearchFields.DISPLAY_ATTACHMENT_NAMES)));
    }
}
