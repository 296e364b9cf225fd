package org.imarchive.gateway.search;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code gateway.search.*}: which index answers searches. The embedded Lucene index needs nothing; Elasticsearch needs
 * its URL (and in production an API key and TLS; see docs/search.md).
 *
 * @param backend   {@code lucene} (default) or {@code elasticsearch}
 * @param luceneDir where the embedded index lives; default {@code <data-dir>/search}
 */
@Validated
@ConfigurationProperties("gateway.search")
public record SearchProperties(
        @NotNull @Pattern(regexp = "lucene|elasticsearch", message = "must be lucene or elasticsearch") @DefaultValue("lucene") String backend,
        java.nio.file.Path luceneDir,
        @Valid @DefaultValue Elasticsearch elasticsearch,
        @NotNull @DefaultValue("PT1M") Duration maxRetryBackoff) {

    public record Elasticsearch(String url, String apiKey, @DefaultValue("imarchive-messages") String index, @DefaultValue("1") int replicas) {
    }
}
