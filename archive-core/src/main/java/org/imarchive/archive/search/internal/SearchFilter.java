package org.imarchive.archive.search.internal;

/** A structured condition every hit must meet; each adapter renders the few kinds there are. */
public sealed interface SearchFilter {

    /** The field has one of these folded values; no values means nothing matches (a caller who may see nothing). */
    record AnyOf(String field, java.util.Set<String> values) implements SearchFilter {
        public AnyOf {
            values = java.util.Set.copyOf(values);
        }
    }

    /** The time field (epoch ms) lies in [fromInclusive, toExclusive); a null bound is open. */
    record TimeRange(String field, Long fromInclusive, Long toExclusive) implements SearchFilter {
    }
}
