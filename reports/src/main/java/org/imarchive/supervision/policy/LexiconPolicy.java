package org.imarchive.supervision.policy;

import java.util.List;
import java.util.Objects;

/**
 * One lexicon policy as loaded from its file.
 *
 * @param version     the declared version; a change of content must come with a new one ({@link PolicyRef#contradicts})
 * @param contentHash see {@link PolicyRef#contentHash()}
 * @param riskScore   0 to 100, for ordering the queue within a severity
 * @param source      the file it was loaded from, for messages
 */
public record LexiconPolicy(
        String id,
        String name,
        int version,
        String contentHash,
        String description,
        Scope appliesTo,
        Severity severity,
        int riskScore,
        List<Rule> rules,
        List<Exclusion> exclusions,
        String source) {

    public LexiconPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(appliesTo, "appliesTo");
        Objects.requireNonNull(severity, "severity");
        rules = List.copyOf(rules);
        exclusions = List.copyOf(exclusions);
    }

    public PolicyRef ref() {
        return new PolicyRef(id, version, contentHash);
    }
}
