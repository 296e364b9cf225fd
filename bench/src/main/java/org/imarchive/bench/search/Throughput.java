package org.imarchive.bench.search;

import java.lang.management.ManagementFactory;

/**
 * Docs per second of one indexing run, by the wall clock and by this JVM's CPU time. The machines this runs on are
 * shared and small (2 cores): other work can halve the wall-clock rate of one run and not the other's, while the CPU
 * time this process spends is what our code costs. Both are printed; for Elasticsearch most work is in the cluster's
 * process, so only the wall clock tells.
 */
record Throughput(int docs, double wallSeconds, double cpuSeconds) {

    static Throughput measure(int docs, Work work) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long wallStart = System.nanoTime();
        work.run();
        return new Throughput(docs, (System.nanoTime() - wallStart) / 1e9, (os.getProcessCpuTime() - cpuStart) / 1e9);
    }

    double wallRate() {
        return docs / wallSeconds;
    }

    double cpuRate() {
        return docs / cpuSeconds;
    }

    void printAgainst(String label, String rawName, Throughput raw) {
        System.out.printf("%s: ours %,.0f docs/s, %s %,.0f docs/s, ratio %.2f by wall clock; ours %,.0f, raw %,.0f"
                        + " docs per CPU-second of this JVM, ratio %.2f (target >= 0.60)%n",
                label, wallRate(), rawName, raw.wallRate(), wallRate() / raw.wallRate(),
                cpuRate(), raw.cpuRate(), cpuRate() / raw.cpuRate());
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }
}
