package org.imarchive.archive.store;

/** Where a record's bytes are in the record packs. */
public record PackLocation(String pack, long offset, int length) {
}
