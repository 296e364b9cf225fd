package org.imarchive.archive.search.elasticsearch;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import org.imarchive.archive.search.SearchDocument;
import org.imarchive.archive.search.internal.SearchFields;
import org.imarchive.archive.search.internal.StoredHit;
import org.imarchive.archive.search.internal.TextNormalizer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a {@link SearchDocument} to the JSON source of {@link IndexMapping}, and a hit back. */
final class ElasticsearchDocuments {

    private ElasticsearchDocuments() {
    }

    /** The document id in Elasticsearch: the folded id, as the Lucene adapter keys its updates. */
    static String documentId(String id) {
        return TextNormalizer.fold(id);
    }

    static Map<String, Object> toSource(SearchDocument doc) {
        Map<String, Object> source = new LinkedHashMap<>();
        for (String field : SearchFields.KEYWORD_FIELDS) {
            List<String> values = SearchFields.keywordValues(doc, field);
            if (!values.isEmpty()) {
                source.put(field, values.size() == 1 ? values.get(0) : values);
            }
        }
        for (String field : SearchFields.WORD_FIELDS) {
            source.put(field, TextNormalizer.normalize(SearchFields.wordFieldSource(doc, field)));
        }
        for (String field : SearchFields.TIME_FIELDS) {
            source.put(field, SearchFields.timeValue(doc, field));
        }
        source.put(SearchFields.VERSION_NUMBER, doc.versionNumber());
        Map<String, Object> display = new LinkedHashMap<>();
        display.put("id", doc.id());
        display.put("messageId", doc.messageId());
        display.put("conversationId", doc.conversationId());
        display.put("text", doc.text());
        display.put("attachmentText", doc.attachmentText());
        display.put("attachmentNames", doc.attachmentNames());
        source.put("display", display);
        return source;
    }

    static StoredHit toHit(Hit<JsonNode> hit) {
        JsonNode source = hit.source();
        JsonNode display = source.path("display");
        List<String> attachmentNames = new ArrayList<>();
        display.path("attachmentNames").forEach(name -> attachmentNames.add(name.asText()));
        return new StoredHit(
                display.path("id").asText(),
                display.path("messageId").asText(),
                display.path("conversationId").asText(),
                source.path(SearchFields.VERSION_NUMBER).asInt(),
                source.path(SearchFields.CURRENT).asBoolean(),
                source.path(SearchFields.DELETED).asBoolean(),
                hit.sort().get(0).longValue(),
                hit.sort().get(1).stringValue(),
                display.path("text").asText(),
                display.path("attachmentText").asText(),
                attachmentNames);
    }
}
