package org.imarchive.bench.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.imarchive.archive.search.SearchDocument;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline on Elasticsearch: the same documents, same fields, sent with plain synchronous bulk requests of the
 * same size, the original text analyzed by the cluster's {@code standard} analyzer, no retry bookkeeping.
 */
final class RawElasticsearchIndexer implements AutoCloseable {

    private final RestClient restClient;
    private final ElasticsearchClient client;

    RawElasticsearchIndexer(String url) {
        restClient = RestClient.builder(HttpHost.create(url)).build();
        client = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
    }

    void index(String indexName, List<SearchDocument> docs, int batchSize) throws IOException {
        client.indices().create(c -> c.index(indexName)
                .settings(s -> s.numberOfShards("1").numberOfReplicas("0").refreshInterval(t -> t.time("1s")))
                .mappings(mapping()));
        for (int from = 0; from < docs.size(); from += batchSize) {
            List<BulkOperation> operations = new ArrayList<>(batchSize);
            for (SearchDocument doc : docs.subList(from, Math.min(docs.size(), from + batchSize))) {
                Map<String, Object> source = source(doc);
                operations.add(BulkOperation.of(b -> b.index(i -> i.index(indexName).id(doc.id()).document(source))));
            }
            BulkResponse response = client.bulk(b -> b.operations(operations));
            if (response.errors()) {
                throw new IllegalStateException("raw bulk had errors: " + response.items().get(0).error());
            }
        }
        client.indices().refresh(r -> r.index(indexName));
    }

    void delete(String indexName) throws IOException {
        client.indices().delete(d -> d.index(indexName));
    }

    @Override
    public void close() throws IOException {
        restClient.close();
    }

    private static TypeMapping mapping() {
        TypeMapping.Builder mapping = new TypeMapping.Builder();
        for (String field : List.of("id", "message", "version", "current", "deleted", "flagged", "platform", "channel",
                "account", "rm", "conversation", "direction", "retention", "participantKey")) {
            mapping.properties(field, p -> p.keyword(k -> k));
        }
        for (String field : List.of("text", "attachment", "sender", "participant")) {
            mapping.properties(field, p -> p.text(t -> t.analyzer("standard")));
        }
        mapping.properties("sentAt", p -> p.date(d -> d.format("epoch_millis")));
        mapping.properties("capturedAt", p -> p.date(d -> d.format("epoch_millis")));
        mapping.properties("versionNumber", p -> p.integer(i -> i.index(false)));
        mapping.properties("display", p -> p.object(o -> o.enabled(false)));
        return mapping.build();
    }

    private static Map<String, Object> source(SearchDocument doc) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("id", doc.id());
        source.put("message", doc.messageId());
        source.put("version", doc.versionId());
        source.put("current", Boolean.toString(doc.current()));
        source.put("deleted", Boolean.toString(doc.deleted()));
        source.put("flagged", Boolean.toString(doc.flagged()));
        source.put("platform", doc.platform());
        source.put("channel", doc.channel());
        source.put("account", doc.accountId());
        source.put("rm", doc.rm());
        source.put("conversation", doc.conversationId());
        source.put("direction", doc.direction());
        source.put("retention", doc.retentionClass());
        List<String> keys = new ArrayList<>();
        StringBuilder participants = new StringBuilder();
        for (SearchDocument.Participant participant : doc.participants()) {
            keys.add(participant.platformId());
            keys.add(participant.displayName());
            participants.append(participant.platformId()).append(' ').append(participant.displayName()).append('\n');
        }
        source.put("participantKey", keys);
        source.put("text", doc.text());
        source.put("attachment", doc.attachmentText() + "\n" + String.join("\n", doc.attachmentNames()));
        source.put("sender", doc.sender().platformId() + " " + doc.sender().displayName());
        source.put("participant", participants.toString());
        source.put("sentAt", doc.sentAt().toEpochMilli());
        source.put("capturedAt", doc.capturedAt().toEpochMilli());
        source.put("versionNumber", doc.versionNumber());
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
}
