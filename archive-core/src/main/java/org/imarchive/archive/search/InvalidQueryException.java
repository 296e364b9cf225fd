package org.imarchive.archive.search;

/**
 * The query text cannot be run: a syntax error, an unknown field, a bad date or an unknown cursor. The message is
 * written for the person who typed the query and names the position (1-based column) and the offending token.
 */
public class InvalidQueryException extends IllegalArgumentException {

    private final int column;
    private final String token;

    public InvalidQueryException(String message, int column, String token) {
        super(message);
        this.column = column;
        this.token = token;
    }

    /** The 1-based column in {@code q} where the problem is, or 0 when it is not in {@code q} (a bad cursor). */
    public int column() {
        return column;
    }

    /** The offending token as typed, or an empty string. */
    public String token() {
        return token;
    }
}
