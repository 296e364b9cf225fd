package org.imarchive.archive.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.GetMappingResponse;
import co.elastic.clients.json.JsonData;
import org.imarchive.archive.search.SearchIndexException;
import org.imarchive.archive.search.internal.SearchFields;

import java.io.IOException;
import java.util.Objects;

/**
 * The index's explicit mapping: only analyzers every cluster has ({@code whitespace}) and core field types, since the
 * text arrives already normalized. A schema version in {@code _meta} stops a gateway from writing to an index built
 * for another schema.
 */
final class IndexMapping {

    static final String SCHEMA_KEY = "imarchive_search_schema";
    static final int SCHEMA_VERSION = 1;

    private IndexMapping() {
    }

    /** Creates the index if it is absent; checks the schema version if it is there. */
    static void ensureIndex(ElasticsearchClient client, ElasticsearchSearchSettings settings) throws IOException {
        String index = settings.indexName();
        if (client.indices().exists(e -> e.index(index)).value()) {
            checkSchema(client, index);
            return;
        }
        try {
            client.indices().create(c -> c.index(index)
                    .settings(s -> s.numberOfShards(Integer.toString(settings.shards()))
                            .numberOfReplicas(Integer.toString(settings.replicas()))
                            .refreshInterval(t -> t.time(settings.refreshInterval())))
                    .mappings(mapping()));
        } catch (ElasticsearchException e) {
            // another gateway created it between our check and our create
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            checkSchema(client, index);
        }
    }

    static TypeMapping mapping() {
        TypeMapping.Builder mapping = new TypeMapping.Builder()
                .dynamic(DynamicMapping.Strict)
                .meta(SCHEMA_KEY, JsonData.of(SCHEMA_VERSION))
                // the normalized words are rebuilt from the archive, not read back: keep them out of _source
                .source(s -> s.excludes(SearchFields.WORD_FIELDS));
        for (String field : SearchFields.KEYWORD_FIELDS) {
            mapping.properties(field, p -> p.keyword(k -> k));
        }
        for (String field : SearchFields.WORD_FIELDS) {
            mapping.properties(field, p -> p.text(t -> t.analyzer("whitespace")));
        }
        for (String field : SearchFields.TIME_FIELDS) {
            mapping.properties(field, p -> p.date(d -> d.format("epoch_millis")));
        }
        mapping.properties(SearchFields.VERSION_NUMBER, p -> p.integer(i -> i.index(false)));
        mapping.properties("display", p -> p.object(o -> o.enabled(false)));
        return mapping.build();
    }

    private static void checkSchema(ElasticsearchClient client, String index) throws IOException {
        GetMappingResponse response = client.indices().getMapping(g -> g.index(index));
        JsonData version = response.result().values().stream()
                .map(state -> state.mappings() == null ? null : state.mappings().meta())
                .map(meta -> meta == null ? null : meta.get(SCHEMA_KEY))
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
        if (version == null || version.to(Integer.class) != SCHEMA_VERSION) {
            throw new SearchIndexException("Elasticsearch index '" + index + "' was not built for search schema "
                    + SCHEMA_VERSION + " (found " + version + "): point the gateway at a new index name and rebuild"
                    + " the index from the archive");
        }
    }
}
