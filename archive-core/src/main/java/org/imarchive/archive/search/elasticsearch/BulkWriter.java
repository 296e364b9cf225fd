package org.imarchive.archive.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.BackoffPolicy;
import org.imarchive.archive.search.SearchIndexException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes through the client's {@link BulkIngester}, which batches operations from all callers into bulk requests.
 * A caller waits until each of its operations is stored or has failed for good: the listener looks at every item of
 * every response, retries those the cluster refused for load or outage, with growing waits, and reports the rest by
 * id, so a write is never lost without the caller knowing.
 */
final class BulkWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BulkWriter.class);
    private static final Set<Integer> RETRIABLE_STATUSES = Set.of(429, 502, 503, 504);

    private final ElasticsearchSearchSettings settings;
    private final BulkIngester<PendingWrite> ingester;
    private final ScheduledExecutorService retries;

    BulkWriter(ElasticsearchClient client, ElasticsearchSearchSettings settings) {
        this.settings = settings;
        this.retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "elasticsearch-bulk-retry");
            thread.setDaemon(true);
            return thread;
        });
        this.ingester = BulkIngester.of(b -> b.client(client)
                .maxOperations(settings.bulkMaxOperations())
                .maxSize(5L * 1024 * 1024)
                .maxConcurrentRequests(2)
                .flushInterval(settings.bulkFlushInterval().toMillis(), TimeUnit.MILLISECONDS)
                // our listener decides on retries per item; the ingester's own would hide failures from it
                .backoffPolicy(BackoffPolicy.noBackoff())
                .listener(new Listener()));
    }

    /**
     * Sends the operations and waits for their outcome.
     *
     * @param operations document id to its operation
     * @throws SearchIndexException naming every id that was not stored
     */
    void write(Map<String, BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        Batch batch = new Batch(operations.keySet());
        operations.forEach((id, operation) -> ingester.add(operation, new PendingWrite(id, operation, batch, 1)));
        ingester.flush();
        batch.await(settings.writeTimeout().toMillis());
        if (!batch.failures.isEmpty()) {
            log.warn("Search index rejected {} of {} documents: {}", batch.failures.size(), operations.size(),
                    batch.failures.keySet());
            throw new SearchIndexException("Elasticsearch did not store " + batch.failures.size() + " of "
                    + operations.size() + " documents", batch.failures);
        }
    }

    @Override
    public void close() {
        ingester.close();
        retries.shutdownNow();
    }

    private void retryOrFail(PendingWrite write, String reason) {
        if (write.attempt >= settings.maxAttempts()) {
            write.batch.failed(write.id, reason + " (after " + write.attempt + " attempts)");
            return;
        }
        long delay = settings.retryBackoff().toMillis() << (write.attempt - 1);
        retries.schedule(() -> {
            ingester.add(write.operation, write.next());
            ingester.flush();
        }, delay, TimeUnit.MILLISECONDS);
    }

    private final class Listener implements BulkListener<PendingWrite> {
        @Override
        public void beforeBulk(long executionId, BulkRequest request, List<PendingWrite> contexts) {
            // nothing to prepare: outcomes are tracked per operation in its context
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<PendingWrite> contexts, BulkResponse response) {
            for (int i = 0; i < contexts.size(); i++) {
                PendingWrite write = contexts.get(i);
                BulkResponseItem item = response.items().get(i);
                if (item.error() == null) {
                    write.batch.stored(write.id);
                } else if (RETRIABLE_STATUSES.contains(item.status())) {
                    retryOrFail(write, item.status() + " " + item.error().type());
                } else {
                    write.batch.failed(write.id, item.status() + " " + item.error().type() + ": " + item.error().reason());
                }
            }
        }

        @Override
        public void afterBulk(long executionId, BulkRequest request, List<PendingWrite> contexts, Throwable failure) {
            log.warn("Bulk request of {} operations to the search index failed: {}", contexts.size(), failure.toString());
            for (PendingWrite write : contexts) {
                retryOrFail(write, failure.getClass().getSimpleName() + ": " + failure.getMessage());
            }
        }
    }

    private record PendingWrite(String id, BulkOperation operation, Batch batch, int attempt) {
        PendingWrite next() {
            return new PendingWrite(id, operation, batch, attempt + 1);
        }
    }

    /** One caller's operations: done when each is stored or has failed for good. */
    private static final class Batch {
        private final Set<String> pending = ConcurrentHashMap.newKeySet();
        private final Map<String, String> failures = new ConcurrentHashMap<>();
        private final CountDownLatch done;

        Batch(Set<String> ids) {
            pending.addAll(ids);
            done = new CountDownLatch(ids.size());
        }

        void stored(String id) {
            if (pending.remove(id)) {
                done.countDown();
            }
        }

        void failed(String id, String reason) {
            if (pending.remove(id)) {
                failures.put(id, reason);
                done.countDown();
            }
        }

        void await(long timeoutMillis) {
            try {
                if (!done.await(timeoutMillis, TimeUnit.MILLISECONDS)) {
                    pending.forEach(id -> failures.put(id, "no answer from Elasticsearch within " + timeoutMillis + " ms"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.forEach(id -> failures.put(id, "interrupted while waiting for Elasticsearch"));
            }
        }
    }
}
