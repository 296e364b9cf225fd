package org.imarchive.supervision.lexicon;

/**
 * A rule that could not be evaluated completely on a part (a regex that ran out of time). The message must then go
 * to a reviewer as if flagged: a lexicon that silently skipped a text proves nothing.
 *
 * @param ruleId the rule or exclusion that failed
 */
public record ScanProblem(String policyId, String ruleId, String part, String reason) {
}
