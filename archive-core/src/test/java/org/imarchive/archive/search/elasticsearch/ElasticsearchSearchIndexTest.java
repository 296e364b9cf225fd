package org.imarchive.archive.search.elasticsearch;

import org.apache.http.HttpHost;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchIndexContract;
import org.imarchive.archive.search.SearchIndexException;
import org.imarchive.archive.search.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs against the cluster at {@code IMARCHIVE_TEST_ELASTICSEARCH_URL}, each test in its own random index. Without
 * that variable the tests are skipped, unless {@code IMARCHIVE_TEST_REQUIRE_SERVERS=true} (CI), where they fail.
 */
class ElasticsearchSearchIndexTest implements SearchIndexContract {

    static final String URL_VARIABLE = "IMARCHIVE_TEST_ELASTICSEARCH_URL";

    private String indexName;
    private ElasticsearchSearchIndex index;

    static String serverUrl() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            String message = URL_VARIABLE + " is not set: no Elasticsearch to test against (start one with "
                    + ".ci/elasticsearch.sh, or set it to e.g. http://127.0.0.1:9200)";
            if ("true".equalsIgnoreCase(System.getenv("IMARCHIVE_TEST_REQUIRE_SERVERS"))) {
                fail(message + ", and IMARCHIVE_TEST_REQUIRE_SERVERS=true demands one");
            }
            assumeTrue(false, message);
        }
        return url;
    }

    @BeforeEach
    void createIndex() {
        indexName = "imarchive-test-" + UUID.randomUUID();
        index = ElasticsearchSearchIndex.connect(settings().withRetries(2, Duration.ofMillis(100), Duration.ofSeconds(30)));
    }

    @AfterEach
    void deleteIndex() throws IOException {
        if (index == null) {
            return;
        }
        index.close();
        try (RestClient admin = adminClient()) {
            admin.performRequest(new Request("DELETE", "/" + indexName));
        }
    }

    @Override
    public SearchIndex testee() {
        return index;
    }

    @Test
    void refusedWritesAreReportedByIdNotDropped() throws IOException {
        try (RestClient admin = adminClient()) {
            admin.performRequest(new Request("POST", "/" + indexName + "/_close"));
        }

        SearchIndexException refused = catchThrowableOfType(() -> index.index(List.of(
                SearchIndexContract.message("a", 1).build(), SearchIndexContract.message("b", 2).build())),
                SearchIndexException.class);

        assertThat(refused.failedIds()).containsOnlyKeys("a", "b");
        assertThat(refused.failedIds().get("a")).contains("index_closed_exception");
    }

    @Test
    void unreachableClusterIsReportedAfterRetries() {
        ElasticsearchSearchSettings nowhere = new ElasticsearchSearchSettings("http://127.0.0.1:9", null, indexName,
                1, 0, "1s", 100, Duration.ofMillis(50), 2, Duration.ofMillis(50), Duration.ofSeconds(10));

        assertThatThrownBy(() -> ElasticsearchSearchIndex.connect(nowhere))
                .isInstanceOf(SearchIndexException.class)
                .hasMessageContaining("127.0.0.1:9");
    }

    @Test
    void reopeningKeepsTheIndexAndItsDocuments() {
        index.index(List.of(SearchIndexContract.message("a", 1).text("durable").build()));
        index.close();

        index = ElasticsearchSearchIndex.connect(settings());
        index.refresh();

        assertThat(index.search(SearchQuery.of("durable")).hits()).hasSize(1);
    }

    @Test
    void indexBuiltForAnotherSchemaIsRefused() throws IOException {
        String foreign = "imarchive-test-foreign-" + UUID.randomUUID();
        try (RestClient admin = adminClient()) {
            admin.performRequest(new Request("PUT", "/" + foreign));
            try {
                assertThatThrownBy(() -> ElasticsearchSearchIndex.connect(
                        ElasticsearchSearchSettings.defaults(serverUrl(), null, foreign).withReplicas(0)))
                        .isInstanceOf(SearchIndexException.class)
                        .hasMessageContaining("rebuild");
            } finally {
                admin.performRequest(new Request("DELETE", "/" + foreign));
            }
        }
    }

    private ElasticsearchSearchSettings settings() {
        return ElasticsearchSearchSettings.defaults(serverUrl(), null, indexName).withReplicas(0);
    }

    private static RestClient adminClient() {
        return RestClient.builder(HttpHost.create(serverUrl())).build();
    }
}
