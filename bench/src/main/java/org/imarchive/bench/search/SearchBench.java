package org.imarchive.bench.search;

import org.imarchive.archive.search.SearchDocument;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.search.elasticsearch.ElasticsearchSearchIndex;
import org.imarchive.archive.search.elasticsearch.ElasticsearchSearchSettings;
import org.imarchive.archive.search.lucene.LuceneSearchIndex;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Issue 4's acceptance benchmark. Indexes generated chat messages through our {@link LuceneSearchIndex} and through a
 * raw Lucene {@code IndexWriter} (and, given a cluster, our Elasticsearch adapter and raw bulk requests), prints
 * docs/s side by side with the ratio, then the latency of text + participant + date-range queries sorted by time on
 * the embedded index.
 *
 * <p>Arguments: {@code --docs N} (default 1,000,000), {@code --es URL} (default: IMARCHIVE_TEST_ELASTICSEARCH_URL;
 * none skips Elasticsearch), {@code --es-docs N} (default: --docs), {@code --queries N} (default 1,000),
 * {@code --dir PATH} (default: a temporary directory, deleted at the end).
 */
public final class SearchBench {

    private static final int BATCH = 1000;
    private static final int CUSTOMERS = 5000;
    private static final int ACCOUNTS = 300;
    private static final long SEED = 20240301L;

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int docs = intArg(args, "--docs", 1_000_000);
        String esUrl = stringArg(args, "--es", System.getenv("IMARCHIVE_TEST_ELASTICSEARCH_URL"));
        int esDocs = intArg(args, "--es-docs", docs);
        int queries = intArg(args, "--queries", 1000);
        String dirArg = stringArg(args, "--dir", null);
        Path work = dirArg == null ? Files.createTempDirectory("search-bench") : Files.createDirectories(Path.of(dirArg));

        ChatMessageGenerator generator = new ChatMessageGenerator(SEED, CUSTOMERS, ACCOUNTS);
        long generating = System.nanoTime();
        List<SearchDocument> all = generator.generate(docs);
        System.out.printf("generated %,d messages in %.1f s (avg text %d chars, %d with attachment text)%n", docs,
                seconds(generating), averageTextLength(all), all.stream().filter(d -> !d.attachmentText().isEmpty()).count());

        warmUp(work, all.subList(0, Math.min(all.size(), 20_000)));

        Throughput ours = Throughput.measure(all.size(), () -> {
            try (LuceneSearchIndex index = LuceneSearchIndex.open(work.resolve("ours"))) {
                indexInBatches(index, all);
                index.refresh();
            }
        });
        Throughput raw = Throughput.measure(all.size(), () -> RawLuceneIndexer.index(work.resolve("raw"), all));
        ours.printAgainst("lucene indexing", "raw IndexWriter", raw);

        try (LuceneSearchIndex index = LuceneSearchIndex.open(work.resolve("ours"))) {
            reportLatency("lucene", index, generator, queries);
        }

        if (esUrl != null && !esUrl.isBlank()) {
            benchElasticsearch(esUrl, all.subList(0, Math.min(esDocs, all.size())), generator, queries);
        }
        if (dirArg == null) {
            deleteRecursively(work);
        }
    }

    private static void benchElasticsearch(String url, List<SearchDocument> docs, ChatMessageGenerator generator,
                                           int queries) throws Exception {
        String oursIndex = "search-bench-ours-" + UUID.randomUUID();
        String rawIndex = "search-bench-raw-" + UUID.randomUUID();
        ElasticsearchSearchSettings settings = ElasticsearchSearchSettings.defaults(url, null, oursIndex).withReplicas(0);
        try (ElasticsearchSearchIndex index = ElasticsearchSearchIndex.connect(settings);
             RawElasticsearchIndexer rawIndexer = new RawElasticsearchIndexer(url)) {
            warmUpElasticsearch(url, rawIndexer, docs.subList(0, Math.min(docs.size(), 20_000)));
            Throughput ours = Throughput.measure(docs.size(), () -> {
                indexInBatches(index, docs);
                index.refresh();
            });
            Throughput raw = Throughput.measure(docs.size(), () -> rawIndexer.index(rawIndex, docs, BATCH));
            ours.printAgainst("elasticsearch indexing (" + String.format("%,d", docs.size()) + " docs)", "raw bulk", raw);
            reportLatency("elasticsearch", index, generator, queries);
            rawIndexer.delete(rawIndex);
            rawIndexer.delete(oursIndex);
        }
    }

    /** Both paths pay class loading and JIT warm-up here, not in the measured runs. */
    private static void warmUp(Path work, List<SearchDocument> docs) throws Exception {
        try (LuceneSearchIndex index = LuceneSearchIndex.open(work.resolve("warmup-ours"))) {
            indexInBatches(index, docs);
        }
        RawLuceneIndexer.index(work.resolve("warmup-raw"), docs);
        deleteRecursively(work.resolve("warmup-ours"));
        deleteRecursively(work.resolve("warmup-raw"));
    }

    private static void warmUpElasticsearch(String url, RawElasticsearchIndexer rawIndexer, List<SearchDocument> docs)
            throws IOException {
        String oursIndex = "search-bench-warmup-ours-" + UUID.randomUUID();
        String rawIndex = "search-bench-warmup-raw-" + UUID.randomUUID();
        try (ElasticsearchSearchIndex index = ElasticsearchSearchIndex.connect(
                ElasticsearchSearchSettings.defaults(url, null, oursIndex).withReplicas(0))) {
            indexInBatches(index, docs);
        }
        rawIndexer.index(rawIndex, docs, BATCH);
        rawIndexer.delete(oursIndex);
        rawIndexer.delete(rawIndex);
    }

    private static void reportLatency(String engine, SearchIndex index, ChatMessageGenerator generator, int queries) {
        Random random = new Random(SEED + 1);
        Function<Random, SearchQuery> narrow = r -> {
            Instant from = ChatMessageGenerator.START.plus(Duration.ofDays(r.nextInt(640)));
            return SearchQuery.builder().q(generator.queryWord(r))
                    .participant(ChatMessageGenerator.customerName(r.nextInt(CUSTOMERS)))
                    .from(from).to(from.plus(Duration.ofDays(90))).pageSize(50).build();
        };
        Function<Random, SearchQuery> broad = r -> {
            Instant from = ChatMessageGenerator.START.plus(Duration.ofDays(r.nextInt(640)));
            return SearchQuery.builder().q(generator.queryWord(r)).from(from).to(from.plus(Duration.ofDays(90)))
                    .pageSize(50).build();
        };
        for (int i = 0; i < Math.min(200, queries); i++) {
            index.search(narrow.apply(random));
            index.search(broad.apply(random));
        }
        printLatency(engine + " search, text + participant + date range, newest first, page of 50",
                measure(index, narrow, random, queries));
        printLatency(engine + " search, text + date range only (many hits), newest first, page of 50",
                measure(index, broad, random, queries));
    }

    private static long[] measure(SearchIndex index, Function<Random, SearchQuery> queries, Random random, int count) {
        long[] micros = new long[count];
        long hits = 0;
        for (int i = 0; i < count; i++) {
            SearchQuery query = queries.apply(random);
            long start = System.nanoTime();
            hits += index.search(query).total();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        if (hits == 0) {
            throw new IllegalStateException("no query found anything: the benchmark would measure nothing");
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void printLatency(String label, long[] sortedMicros) {
        System.out.printf("%s: %d queries, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", label,
                sortedMicros.length, percentile(sortedMicros, 50), percentile(sortedMicros, 95),
                percentile(sortedMicros, 99), sortedMicros[sortedMicros.length - 1] / 1000.0);
    }

    private static double percentile(long[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1000.0;
    }

    private static void indexInBatches(SearchIndex index, List<SearchDocument> docs) {
        for (int from = 0; from < docs.size(); from += BATCH) {
            index.index(docs.subList(from, Math.min(docs.size(), from + BATCH)));
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static int averageTextLength(List<SearchDocument> docs) {
        return (int) docs.stream().mapToInt(d -> d.text().length()).average().orElse(0);
    }

    private static int intArg(String[] args, String name, int fallback) {
        String value = stringArg(args, name, null);
        return value == null ? fallback : Integer.parseInt(value.replace("_", "").replace(",", ""));
    }

    private static String stringArg(String[] args, String name, String fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }

}
