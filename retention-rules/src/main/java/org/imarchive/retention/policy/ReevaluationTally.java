package org.imarchive.retention.policy;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts the outcomes of re-evaluating archived records under a new policy version, by their previous retention
 * class: the exact answer to "which classes would this version have shortened, and for how many records".
 * Not thread-safe: one re-evaluation job fills one tally.
 */
public final class ReevaluationTally {

    private final Map<String, Long> extended = new TreeMap<>();
    private final Map<String, Long> keptLonger = new TreeMap<>();
    private long unchanged;

    public void add(RetentionAssignment existing, Reevaluation reevaluation) {
        switch (reevaluation.outcome()) {
            case EXTENDED -> extended.merge(existing.retentionClass(), 1L, Long::sum);
            case KEPT_LONGER -> keptLonger.merge(existing.retentionClass(), 1L, Long::sum);
            case UNCHANGED -> unchanged++;
        }
    }

    /** Previous class → number of its records the new version would have shortened, and which keep their expiry. */
    public Map<String, Long> shortenedClasses() {
        return Map.copyOf(keptLonger);
    }

    /** Previous class → number of its records whose expiry the new version extended. */
    public Map<String, Long> extendedClasses() {
        return Map.copyOf(extended);
    }

    public long unchanged() {
        return unchanged;
    }
}
