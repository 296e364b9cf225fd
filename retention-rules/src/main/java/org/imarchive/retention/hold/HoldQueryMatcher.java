package org.imarchive.retention.hold;

/**
 * Port: whether a record matches a hold's search query, answered by the search index (the query syntax is the
 * archive's, shared by both index back ends). An adapter that cannot tell yet (a record not indexed yet, the index
 * unreachable) must answer true: preserving a record too many is recoverable, destroying one is not.
 */
public interface HoldQueryMatcher {

    boolean matches(String query, RecordFacts record);
}
