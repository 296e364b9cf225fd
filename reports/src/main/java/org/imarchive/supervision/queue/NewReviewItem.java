package org.imarchive.supervision.queue;

import org.imarchive.supervision.lexicon.Hit;
import org.imarchive.supervision.lexicon.ScanProblem;
import org.imarchive.supervision.policy.Severity;
import org.imarchive.supervision.sampling.SampleDecision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An item the scanner files: one message version with its hits, the rules that could not be evaluated on it, and
 * the sampling decision if it was sampled.
 *
 * @param sample the decision, only when it selected the message; null otherwise
 */
public record NewReviewItem(String messageId, String recordId, Integer versionNumber, String rm, String group, Instant createdAt,
                            List<Hit> hits, List<ScanProblem> problems, SampleDecision sample) {

    public static final String SAMPLE = "sample";

    public NewReviewItem {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(createdAt, "createdAt");
        hits = List.copyOf(hits);
        problems = List.copyOf(problems);
        if (sample != null && !sample.selected()) {
            throw new IllegalArgumentException("only a sampling decision that selected the message puts it in the queue");
        }
    }

    /** Whether the version needs a reviewer at all: a hit, a rule that could not be evaluated, or the sample. */
    public boolean needsReview() {
        return !hits.isEmpty() || !problems.isEmpty() || sample != null;
    }

    /** Why the item is in the queue, each reason once, in the order found: the policies hit, those that failed, the sample. */
    public List<String> reasons() {
        Set<String> reasons = new LinkedHashSet<>();
        hits.forEach(hit -> reasons.add("lexicon:" + hit.policy().id()));
        problems.forEach(problem -> reasons.add("scan-problem:" + problem.policyId()));
        if (sample != null) {
            reasons.add(SAMPLE);
        }
        return new ArrayList<>(reasons);
    }

    /** The highest severity of its hits, or null for an item with none. */
    public Severity severity() {
        return hits.stream().map(Hit::severity).max(Comparator.naturalOrder()).orElse(null);
    }

    public int riskScore() {
        return hits.stream().mapToInt(Hit::riskScore).max().orElse(0);
    }

    /** 0 without hits, then 1 to 3 from low to high: the queue sorts on it. */
    static int severityRank(Severity severity) {
        return severity == null ? 0 : severity.ordinal() + 1;
    }
}
