package org.imarchive.archive.policyfile;

/**
 * A policy file that cannot be used, with where and why: {@code retention.yml:14:12: unknown record type}. Each kind
 * of policy has its own subclass, so a caller can tell a lexicon from a retention policy by the type alone.
 */
public class PolicyFileException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /** @param line 1-based; @param column 1-based */
    public PolicyFileException(String source, int line, int column, String reason) {
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

    /** Makes the exception of one kind of policy file (a constructor reference, {@code RetentionPolicyException::new}). */
    @FunctionalInterface
    public interface Kind {
        PolicyFileException at(String source, int line, int column, String reason);
    }
}
