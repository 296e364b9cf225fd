package org.imarchive.archive.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.imarchive.archive.search.SearchDocument;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchIndexException;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.SearchResult;
import org.imarchive.archive.search.internal.CompiledSearch;
import org.imarchive.archive.search.internal.SearchFields;
import org.imarchive.archive.search.internal.StoredHit;

import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Elasticsearch {@link SearchIndex}. Creates its index with an explicit mapping at start if absent; writes go
 * through {@link BulkWriter}; a search is translated from the shared parser's query and runs with
 * {@code search_after} on (sentAt, id).
 */
public final class ElasticsearchSearchIndex implements SearchIndex {

    private final ElasticsearchClient client;
    private final ElasticsearchSearchSettings settings;
    private final BulkWriter writer;
    private final RestClient ownedRestClient;

    private ElasticsearchSearchIndex(ElasticsearchClient client, ElasticsearchSearchSettings settings,
                                     RestClient ownedRestClient) {
        this.client = client;
        this.settings = settings;
        this.ownedRestClient = ownedRestClient;
        try {
            IndexMapping.ensureIndex(client, settings);
        } catch (IOException | ElasticsearchException e) {
            throw new SearchIndexException("Cannot prepare Elasticsearch index '" + settings.indexName() + "' at "
                    + settings.serverUrl() + ": " + e.getMessage(), e);
        }
        this.writer = new BulkWriter(client, settings);
    }

    /** Connects to {@link ElasticsearchSearchSettings#serverUrl()}; the index owns and closes the connection. */
    public static ElasticsearchSearchIndex connect(ElasticsearchSearchSettings settings) {
        RestClientBuilder builder = RestClient.builder(HttpHost.create(settings.serverUrl()));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            builder.setDefaultHeaders(new Header[] {new BasicHeader("Authorization", "ApiKey " + settings.apiKey())});
        }
        RestClient restClient = builder.build();
        ElasticsearchClient client = new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper()));
        try {
            return new ElasticsearchSearchIndex(client, settings, restClient);
        } catch (RuntimeException e) {
            closeQuietly(restClient);
            throw e;
        }
    }

    /** Uses a client the caller built (their TLS, credentials, node selection) and keeps it open on close. */
    public static ElasticsearchSearchIndex using(ElasticsearchClient client, ElasticsearchSearchSettings settings) {
        return new ElasticsearchSearchIndex(client, settings, null);
    }

    @Override
    public void index(List<SearchDocument> documents) {
        Map<String, BulkOperation> operations = new LinkedHashMap<>();
        for (SearchDocument doc : documents) {
            String id = ElasticsearchDocuments.documentId(doc.id());
            Map<String, Object> source = ElasticsearchDocuments.toSource(doc);
            operations.put(id, BulkOperation.of(b -> b.index(i -> i.index(settings.indexName()).id(id).document(source))));
        }
        writer.write(operations);
    }

    @Override
    public void delete(Collection<String> ids) {
        Map<String, BulkOperation> operations = new LinkedHashMap<>();
        for (String rawId : ids) {
            String id = ElasticsearchDocuments.documentId(rawId);
            operations.put(id, BulkOperation.of(b -> b.delete(d -> d.index(settings.indexName()).id(id))));
        }
        writer.write(operations);
    }

    @Override
    public SearchResult search(SearchQuery query) {
        CompiledSearch search = CompiledSearch.of(query);
        SearchRequest.Builder request = new SearchRequest.Builder()
                .index(settings.indexName())
                .query(ElasticsearchQueries.query(search))
                .sort(ElasticsearchQueries.sort(search))
                .size(search.fetchSize())
                .trackTotalHits(t -> t.enabled(true))
                .source(s -> s.filter(f -> f.includes("display.*", SearchFields.VERSION_NUMBER,
                        SearchFields.CURRENT, SearchFields.DELETED)));
        if (search.after() != null) {
            request.searchAfter(ElasticsearchQueries.searchAfter(search));
        }
        try {
            SearchResponse<JsonNode> response = client.search(request.build(), JsonNode.class);
            List<StoredHit> hits = response.hits().hits().stream().map(ElasticsearchDocuments::toHit).toList();
            return search.toResult(response.hits().total().value(), hits);
        } catch (IOException | ElasticsearchException e) {
            throw new SearchIndexException("Elasticsearch search failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void refresh() {
        try {
            client.indices().refresh(r -> r.index(settings.indexName()));
        } catch (IOException | ElasticsearchException e) {
            throw new SearchIndexException("Elasticsearch refresh failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long count() {
        try {
            return client.count(c -> c.index(settings.indexName())).count();
        } catch (IOException | ElasticsearchException e) {
            throw new SearchIndexException("Elasticsearch count failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writer.close();
        if (ownedRestClient != null) {
            closeQuietly(ownedRestClient);
        }
    }

    private static void closeQuietly(RestClient restClient) {
        try {
            restClient.close();
        } catch (IOException e) {
            // closing a connection pool: nothing left to lose, and the caller's error matters more
        }
    }
}
