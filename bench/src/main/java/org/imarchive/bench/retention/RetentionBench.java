package org.imarchive.bench.retention;

import org.imarchive.retention.RetainedRecord;
import org.imarchive.retention.disposition.DispositionPlan;
import org.imarchive.retention.disposition.DispositionPlanner;
import org.imarchive.retention.hold.HoldEvaluator;
import org.imarchive.retention.hold.LegalHold;
import org.imarchive.retention.policy.RetentionAssignment;
import org.imarchive.retention.policy.RetentionPolicyLoader;
import org.imarchive.retention.policy.RetentionPolicySet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Retention throughput on one thread, for a million records under the shipped {@code config/retention.yml} and 50
 * active holds of mixed scope, each figure next to a raw loop:
 * <ul>
 *   <li>retention (class + expiry) against one fixed 6-year period computed per record;</li>
 *   <li>hold evaluation (every record against all 50 holds) against one HashSet lookup per record;</li>
 *   <li>disposition planning (expiry, holds, the plan's entries) against an expiry comparison and one HashSet lookup of
 *       a precomputed held set per record.</li>
 * </ul>
 * Then the disposition rate through the real store (encryption, crypto-shredding, tombstones) next to raw SQL deletes
 * and file writes for the same records ({@link DispositionThroughput}).
 * Run: {@code bench/run retention [records] [disposed records]} (defaults 1,000,000 and 20,000).
 */
public final class RetentionBench {

    private static final int WARM_UP_ROUNDS = 1;
    private static final int MEASURED_ROUNDS = 3;
    private static final Instant PLAN_AT = Instant.parse("2031-01-01T00:00:00Z");

    private RetentionBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int disposed = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        RetentionPolicySet policy = RetentionPolicyLoader.load(Path.of("config/retention.yml"));
        Random random = new Random(20261125L);
        SyntheticArchive archive = new SyntheticArchive(count, random);
        List<LegalHold> holds = SyntheticArchive.holds(random, Instant.parse("2026-01-15T09:00:00Z"));
        HoldEvaluator evaluator = new HoldEvaluator(SyntheticArchive.cachedIndexHits(count, holds));

        System.out.printf("RetentionBench: %,d records, policy %s (%d rules), %d active holds%n",
                count, policy.label(), policy.rules().size(), holds.size());
        System.out.printf("java %s, %d cores, one thread; %d warm-up round, median of %d measured rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), WARM_UP_ROUNDS, MEASURED_ROUNDS);

        RetentionAssignment[] assignments = new RetentionAssignment[count];
        LongSupplier assign = () -> {
            long days = 0;
            for (int i = 0; i < count; i++) {
                assignments[i] = policy.assign(archive.subjects[i]);
                days += assignments[i].expiresOn().toEpochDay();
            }
            return days;
        };
        LongSupplier fixedPeriod = () -> {
            long days = 0;
            for (int i = 0; i < count; i++) {
                days += LocalDate.ofInstant(archive.subjects[i].recordTime(), ZoneOffset.UTC).plusYears(6).plusDays(1).toEpochDay();
            }
            return days;
        };
        report("retention (class + expiry)", "raw: one fixed 6-year period", count, assign, fixedPeriod);

        Set<String> heldCustodians = new HashSet<>();
        holds.forEach(hold -> heldCustodians.addAll(hold.scope().custodians()));
        LongSupplier evaluateHolds = () -> {
            long held = 0;
            for (int i = 0; i < count; i++) {
                held += evaluator.holdsCovering(holds, archive.facts[i]).isEmpty() ? 0 : 1;
            }
            return held;
        };
        LongSupplier setLookup = () -> {
            long held = 0;
            for (int i = 0; i < count; i++) {
                held += heldCustodians.contains(archive.rms[i]) ? 1 : 0;
            }
            return held;
        };
        report("holds (50 active, all evaluated)", "raw: one HashSet lookup", count, evaluateHolds, setLookup);

        List<RetainedRecord> records = new ArrayList<>(count);
        Set<String> heldIds = new HashSet<>();
        long[] expiryDays = new long[count];
        for (int i = 0; i < count; i++) {
            records.add(new RetainedRecord(archive.facts[i].messageId(), archive.recordHashes[i], assignments[i], archive.facts[i]));
            expiryDays[i] = assignments[i].expiresOn().toEpochDay();
            if (!evaluator.holdsCovering(holds, archive.facts[i]).isEmpty()) {
                heldIds.add(archive.facts[i].messageId());
            }
        }
        DispositionPlanner planner = new DispositionPlanner(evaluator, Clock.fixed(PLAN_AT, ZoneOffset.UTC));
        DispositionPlan[] plan = new DispositionPlan[1];
        LongSupplier planning = () -> {
            plan[0] = planner.plan(records, holds, "records.manager");
            return plan[0].disposals().size();
        };
        long today = LocalDate.ofInstant(PLAN_AT, ZoneOffset.UTC).toEpochDay();
        LongSupplier rawPlanning = () -> {
            List<String> disposable = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = records.get(i).recordId();
                if (expiryDays[i] <= today && !heldIds.contains(id)) {
                    disposable.add(id);
                }
            }
            return disposable.size();
        };
        report("disposition planning", "raw: expiry compare + HashSet lookup", count, planning, rawPlanning);
        System.out.printf("plan as of %s: %,d to dispose, %,d held back by holds, %,d not yet expired%n",
                PLAN_AT, plan[0].disposals().size(), plan[0].heldBack().size(), plan[0].notYetExpired());
        DispositionThroughput.run(disposed);
    }

    private static void report(String ours, String raw, int count, LongSupplier oursPass, LongSupplier rawPass) {
        double[] oursSeconds = new double[MEASURED_ROUNDS];
        double[] rawSeconds = new double[MEASURED_ROUNDS];
        long oursResult = 0;
        long rawResult = 0;
        for (int round = -WARM_UP_ROUNDS; round < MEASURED_ROUNDS; round++) {
            long started = System.nanoTime();
            oursResult = oursPass.getAsLong();
            long oursDone = System.nanoTime();
            rawResult = rawPass.getAsLong();
            long rawDone = System.nanoTime();
            if (round >= 0) {
                oursSeconds[round] = (oursDone - started) / 1e9;
                rawSeconds[round] = (rawDone - oursDone) / 1e9;
            }
        }
        double oursMedian = median(oursSeconds);
        double rawMedian = median(rawSeconds);
        System.out.printf("%-40s: %7.3f s  %,12.0f records/s  (result %d)%n", ours, oursMedian, count / oursMedian, oursResult);
        System.out.printf("%-40s: %7.3f s  %,12.0f records/s  (result %d)%n", raw, rawMedian, count / rawMedian, rawResult);
        System.out.printf("%-40s: %7.1f%n", "ratio ours / raw (time)", oursMedian / rawMedian);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
