package org.imarchive.archive.search;

/** Results are always ordered by the time a message was sent; ties are broken by document id. */
public enum SortOrder {
    NEWEST_FIRST,
    OLDEST_FIRST
}
