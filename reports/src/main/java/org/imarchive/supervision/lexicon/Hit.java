package org.imarchive.supervision.lexicon;

import org.imarchive.supervision.policy.PolicyRef;
import org.imarchive.supervision.policy.RuleKind;
import org.imarchive.supervision.policy.Severity;

/**
 * Why a message was flagged, as evidence: the policy (id, declared version, content hash), the rule, and the span of
 * the ORIGINAL text that matched, so a reviewer (and an examiner, years later) sees exactly what was found where.
 *
 * @param part        which text of the message: {@code body} or {@code attachment:<sha256>}
 * @param start       offset of the first char of the match in the part's original text (UTF-16 units, as Java and
 *                    JavaScript index strings)
 * @param end         offset after the last char of the match
 * @param matchedText the original text of the span; for a rule that masks evidence, with all but the last four digits
 *                    masked
 */
public record Hit(
        PolicyRef policy,
        String ruleId,
        RuleKind ruleKind,
        Severity severity,
        int riskScore,
        String part,
        int start,
        int end,
        String matchedText) {
}
