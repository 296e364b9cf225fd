package org.imarchive.supervision.policy;

/**
 * A policy file that cannot be used, with where and why: {@code promissory.yml:14:12: invalid regex ...}. The loader
 * refuses the whole set on the first bad file, since supervising under half a lexicon would be silently wrong.
 */
public final class PolicyException extends RuntimeException {

    private final String source;
    private final int line;
    private final int column;
    private final String reason;

    /** @param line 1-based; @param column 1-based */
    public PolicyException(String source, int line, int column, String reason) {
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
