package org.imarchive.production.pdf;

/** The Bates numbers of the first and last page a message appears on. */
public record PageRange(String first, String last) {
}
