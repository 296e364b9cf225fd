package org.imarchive.retention.policy;

/**
 * A retention policy file that cannot be used, with where and why: {@code retention.yml:14:12: unknown record type}.
 * The gateway must not start on it: records committed meanwhile would get no retention, or a wrong one.
 */
public final class RetentionPolicyException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /** @param line 1-based; @param column 1-based */
    public RetentionPolicyException(String source, int line, int column, String reason) {
        super(source + ":" + line + ":" + column + ": " + reason);
        this.source = source;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
