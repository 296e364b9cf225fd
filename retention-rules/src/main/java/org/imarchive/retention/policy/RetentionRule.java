package org.imarchive.retention.policy;

import java.util.Objects;

/**
 * One retention duty: the records it applies to, how long they are kept, and the law or policy that says so.
 * Its id is the retention class of the records it governs.
 *
 * @param legalBasis the label an examiner reads, e.g. {@code FINRA 4511(b); SEC 17a-4(b)(4)}
 */
public record RetentionRule(String id, String description, RuleCriteria criteria, RetentionPeriod period, String legalBasis) {

    public RetentionRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(legalBasis, "legalBasis");
    }
}
