package org.imarchive.archive.search.internal;

/**
 * One searchable word: its normalized form and where it stands in the original text.
 *
 * @param term  the folded form that is indexed and matched
 * @param start offset of the first char in the original text
 * @param end   offset after the last char in the original text
 */
public record Token(String term, int start, int end) {
}
