package org.imarchive.retention.policy;

import org.imarchive.archive.policyfile.PolicyFileException;

/**
 * A retention policy file that cannot be used, with where and why: {@code retention.yml:14:12: unknown record type}.
 * The gateway must not start on it: records committed meanwhile would get no retention, or a wrong one.
 */
public final class RetentionPolicyException extends PolicyFileException {

    /** @param line 1-based; @param column 1-based */
    public RetentionPolicyException(String source, int line, int column, String reason) {
        super(source, line, column, reason);
    }
}
