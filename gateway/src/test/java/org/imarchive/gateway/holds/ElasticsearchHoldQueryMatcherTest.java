package org.imarchive.gateway.holds;

import org.imarchive.archive.search.elasticsearch.ElasticsearchSearchIndex;
import org.imarchive.archive.search.elasticsearch.ElasticsearchSearchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The matcher over the cluster at {@code IMARCHIVE_TEST_ELASTICSEARCH_URL}, each test in its own random index; skipped
 * without it, unless {@code IMARCHIVE_TEST_REQUIRE_SERVERS=true} (CI), where it fails.
 */
class ElasticsearchHoldQueryMatcherTest implements HoldQueryMatcherContract {
    private static final String URL_VARIABLE = "IMARCHIVE_TEST_ELASTICSEARCH_URL";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private String url;
    private String indexName;
    private ElasticsearchSearchIndex index;
    private Fixture fixture;

    @BeforeEach
    void open() {
        url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("IMARCHIVE_TEST_REQUIRE_SERVERS"))) {
                fail(URL_VARIABLE + " is not set, but IMARCHIVE_TEST_REQUIRE_SERVERS=true");
            }
            assumeTrue(false, URL_VARIABLE + " is not set: no Elasticsearch to test against (see docs/ci.md)");
        }
        indexName = "imarchive-test-holds-" + UUID.randomUUID();
        index = ElasticsearchSearchIndex.connect(ElasticsearchSearchSettings.defaults(url, null, indexName).withReplicas(0));
        fixture = new Fixture(dir, index);
    }

    @AfterEach
    void close() throws IOException, InterruptedException {
        if (index == null) {
            return;
        }
        index.close();
        fixture.close();
        HTTP.send(HttpRequest.newBuilder(URI.create(url + "/" + indexName)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
    }

    @Override
    public Fixture fixture() {
        return fixture;
    }

    /** A closed index refuses searches, as one an operator closed or a failed shard would. */
    @Override
    public void breakIndex() {
        try {
            HTTP.send(HttpRequest.newBuilder(URI.create(url + "/" + indexName + "/_close")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot close test index " + indexName, e);
        }
    }
}
