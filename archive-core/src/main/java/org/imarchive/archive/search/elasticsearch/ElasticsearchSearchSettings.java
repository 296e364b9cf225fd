package org.imarchive.archive.search.elasticsearch;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the cluster and how to write to it.
 *
 * @param serverUrl        {@code https://host:9200} in production; the JVM trust store must trust its certificate
 * @param apiKey           the encoded API key ({@code id:key} in Base64), or null where security is off (tests)
 * @param indexName        the index (or an alias to it) holding the documents; created with our mapping if absent
 * @param shards           primary shards of a newly created index
 * @param replicas         replicas of a newly created index
 * @param refreshInterval  how soon writes become searchable ({@code 1s} keeps "in search within 2 s")
 * @param bulkMaxOperations operations per bulk request
 * @param bulkFlushInterval how long an operation may wait for more to fill its bulk request
 * @param maxAttempts      tries per document before a write is reported as failed
 * @param retryBackoff     wait before the first retry; doubled for each further one
 * @param writeTimeout     how long {@code index} and {@code delete} wait for the cluster before reporting failure
 */
public record ElasticsearchSearchSettings(
        String serverUrl,
        String apiKey,
        String indexName,
        int shards,
        int replicas,
        String refreshInterval,
        int bulkMaxOperations,
        Duration bulkFlushInterval,
        int maxAttempts,
        Duration retryBackoff,
        Duration writeTimeout) {

    public ElasticsearchSearchSettings {
        Objects.requireNonNull(serverUrl, "serverUrl");
        Objects.requireNonNull(indexName, "indexName");
        if (!indexName.equals(indexName.toLowerCase(java.util.Locale.ROOT)) || indexName.isBlank()) {
            throw new IllegalArgumentException("indexName must be lower case and not blank, was '" + indexName + "'");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    public static ElasticsearchSearchSettings defaults(String serverUrl, String apiKey, String indexName) {
        return new ElasticsearchSearchSettings(serverUrl, apiKey, indexName, 1, 1, "1s", 1000,
                Duration.ofMillis(200), 5, Duration.ofMillis(500), Duration.ofMinutes(2));
    }

    public ElasticsearchSearchSettings withReplicas(int count) {
        return new ElasticsearchSearchSettings(serverUrl, apiKey, indexName, shards, count, refreshInterval,
                bulkMaxOperations, bulkFlushInterval, maxAttempts, retryBackoff, writeTimeout);
    }

    public ElasticsearchSearchSettings withRetries(int attempts, Duration backoff, Duration timeout) {
        return new ElasticsearchSearchSettings(serverUrl, apiKey, indexName, shards, replicas, refreshInterval,
                bulkMaxOperations, bulkFlushInterval, attempts, backoff, timeout);
    }
}
