package org.imarchive.supervision.policy;

import org.imarchive.archive.policyfile.PolicyFileException;

/**
 * A lexicon policy file that cannot be used, with where and why: {@code promissory.yml:14:12: invalid regex ...}. The
 * loader refuses the whole set on the first bad file, since supervising under half a lexicon would be silently wrong.
 */
public final class PolicyException extends PolicyFileException {

    /** @param line 1-based; @param column 1-based */
    public PolicyException(String source, int line, int column, String reason) {
        super(source, line, column, reason);
    }
}
