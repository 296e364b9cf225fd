package org.imarchive.supervision.lexicon;

import org.imarchive.supervision.policy.PolicyRef;

import java.util.List;

/**
 * The outcome of scanning one message version: every policy that applied to it (also when none hit, which is the
 * evidence that it was looked at), the hits in text order, and any rule that could not be evaluated.
 */
public record ScanResult(String recordId, List<PolicyRef> policiesApplied, List<Hit> hits, List<ScanProblem> problems) {

    public ScanResult {
        policiesApplied = List.copyOf(policiesApplied);
        hits = List.copyOf(hits);
        problems = List.copyOf(problems);
    }
}
