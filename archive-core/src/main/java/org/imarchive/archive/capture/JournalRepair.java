package org.imarchive.archive.capture;

/**
 * Something the journal repaired when it opened, reported so an operator sees it.
 *
 * @param kind        a torn tail (an append cut short by a crash, never acknowledged) or a corrupt record
 * @param segment     the segment file's name
 * @param offset      where in the segment the damage starts
 * @param length      how many bytes were cut or moved aside
 * @param movedAsideTo where the damaged bytes were kept, for a corrupt record; null for a torn tail
 */
public record JournalRepair(Kind kind, String segment, long offset, long length, String movedAsideTo) {
    public enum Kind { TORN_TAIL_TRUNCATED, CORRUPT_RECORD_MOVED_ASIDE }
}
