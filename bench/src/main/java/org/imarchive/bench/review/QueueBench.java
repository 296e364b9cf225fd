package org.imarchive.bench.review;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.supervision.queue.ReviewAge;
import org.imarchive.supervision.queue.ReviewPage;
import org.imarchive.supervision.queue.ReviewPageQuery;
import org.imarchive.supervision.queue.ReviewReads;
import org.imarchive.supervision.queue.ReviewState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Queue page load with 100,000 open items on the embedded database (H2 file, PostgreSQL mode, pooled as in the
 * gateway, schema by the gateway's own migrations). Each case times the API's query path ({@link ReviewPageQuery}
 * and {@link ReviewReads#page}: count, page, rows to items) next to the same two statements written by hand and read
 * without mapping, on the same database, interleaved so both see the same machine.
 *
 * <pre>bench/run review [items] [pages]</pre>
 */
public final class QueueBench {
    private static final Duration SLA = Duration.ofDays(3);
    private static final int RMS = 40;

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path dir = Files.createTempDirectory("queue-bench");
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl("jdbc:h2:file:" + dir.resolve("archive") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                    // H2 hands back the cached result of a repeated query while its table is unchanged; a live queue
                    // changes with every filed item, so each timed page is computed afresh
                    + ";OPTIMIZE_REUSE_RESULTS=FALSE");
            dataSource.setUsername("sa");
            dataSource.setPassword("");
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/migration", "filesystem:gateway/src/main/resources/db/migration").load().migrate();
            Instant now = Instant.now();
            long seeded = System.nanoTime();
            seed(dataSource, items, now);
            System.out.printf("queue: %,d open items over %d RMs, seeded in %.1f s%n", items, RMS, (System.nanoTime() - seeded) / 1e9);
            ReviewReads reads = new ReviewReads(dataSource);
            Set<String> fiveRms = Set.of("rm-01", "rm-02", "rm-03", "rm-04", "rm-05");
            run("compliance, first page of open items (size 50)", reads, dataSource, now, pages,
                    new ReviewPageQuery(ReviewState.OPEN, null, null, null, null, null, 0, 50),
                    "select count(*) from review_item where state = 'open'",
                    "select * from review_item where state = 'open'"
                            + " order by severity_rank desc, risk_score desc, created_at, item_id offset 0 rows fetch next 50 rows only");
            run("reviewer of 5 RMs, overdue open items, page 10 (size 50)", reads, dataSource, now, pages,
                    new ReviewPageQuery(ReviewState.OPEN, null, null, true, null, fiveRms, 10, 50),
                    "select count(*) from review_item where rm in ('rm-01','rm-02','rm-03','rm-04','rm-05') and state = 'open'"
                            + " and state <> 'closed' and created_at < ?",
                    "select * from review_item where rm in ('rm-01','rm-02','rm-03','rm-04','rm-05') and state = 'open'"
                            + " and state <> 'closed' and created_at < ?"
                            + " order by severity_rank desc, risk_score desc, created_at, item_id offset 500 rows fetch next 50 rows only");
        }
    }

    private static void run(String label, ReviewReads reads, HikariDataSource dataSource, Instant now, int pages, ReviewPageQuery query,
                            String rawCount, String rawPage) throws Exception {
        Instant overdueBefore = ReviewAge.overdueIfCreatedBefore(SLA, now);
        long[] ours = new long[pages];
        long[] raw = new long[pages];
        long total = 0;
        int warmup = pages / 5;
        for (int i = -warmup; i < pages; i++) {
            long start = System.nanoTime();
            ReviewPage page = reads.page(query, overdueBefore);
            long middle = System.nanoTime();
            int rawRows = rawPage(dataSource, rawCount, rawPage, overdueBefore);
            long end = System.nanoTime();
            if (page.items().size() != rawRows) {
                throw new IllegalStateException("the two paths disagree: " + page.items().size() + " vs " + rawRows + " rows");
            }
            total = page.total();
            if (i >= 0) {
                ours[i] = middle - start;
                raw[i] = end - middle;
            }
        }
        Arrays.sort(ours);
        Arrays.sort(raw);
        System.out.printf("%s, %,d matching, %d pages: queue API path p50 %.2f ms, p95 %.2f ms; raw SQL p50 %.2f ms, p95 %.2f ms;"
                        + " p95 ratio %.2f%n", label, total, pages, ms(ours, 0.50), ms(ours, 0.95), ms(raw, 0.50), ms(raw, 0.95),
                ms(ours, 0.95) / ms(raw, 0.95));
    }

    /** The same count and page as bare JDBC: one connection, the two statements, the rows read and dropped. */
    private static int rawPage(HikariDataSource dataSource, String countSql, String pageSql, Instant overdueBefore) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement count = connection.prepareStatement(countSql)) {
                if (countSql.contains("?")) {
                    count.setObject(1, Jdbc.timestamp(overdueBefore));
                }
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                }
            }
            int read = 0;
            try (PreparedStatement page = connection.prepareStatement(pageSql)) {
                if (pageSql.contains("?")) {
                    page.setObject(1, Jdbc.timestamp(overdueBefore));
                }
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        read++;
                    }
                }
            }
            return read;
        }
    }

    /** Open items as the scanner files them, created over the last 30 days, most without hits (sampled), some high. */
    private static void seed(HikariDataSource dataSource, int items, Instant now) throws Exception {
        Random random = new Random(42);
        List<String> reasons = List.of("sample", "lexicon:off-channel", "lexicon:complaints", "lexicon:secrecy-urgency sample");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into review_item (item_id, message_id, record_id, version_number,"
                     + " rm, group_name, reasons, severity_rank, risk_score, state, created_at) values (?,?,?,1,?,?,?,?,?,'open',?)")) {
            connection.setAutoCommit(false);
            for (int i = 0; i < items; i++) {
                int rm = random.nextInt(RMS);
                String reason = reasons.get(random.nextInt(reasons.size()));
                boolean sampledOnly = reason.equals("sample");
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, UUID.randomUUID().toString());
                insert.setString(3, UUID.randomUUID().toString());
                insert.setString(4, String.format("rm-%02d", rm));
                insert.setString(5, "group-" + rm / 8);
                insert.setString(6, reason);
                insert.setInt(7, sampledOnly ? 0 : 2 + random.nextInt(2));
                insert.setInt(8, sampledOnly ? 0 : 40 + random.nextInt(60));
                insert.setObject(9, Jdbc.timestamp(now.minusSeconds(random.nextInt(30 * 24 * 3600))));
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private static double ms(long[] sortedNanos, double quantile) {
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) Math.ceil(quantile * sortedNanos.length) - 1)] / 1e6;
    }
}
