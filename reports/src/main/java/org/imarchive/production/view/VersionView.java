package org.imarchive.production.view;

import java.time.Instant;

/**
 * One version of a message's content.
 *
 * @param label {@code Version 2 of 3, edited 2025-...}; empty when the message was never edited
 */
public record VersionView(int number, Instant at, String label, String text, String recordId, String recordSha256) {
}
