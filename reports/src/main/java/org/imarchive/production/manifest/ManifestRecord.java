package org.imarchive.production.manifest;

/** One archive record a produced file holds: the message it belongs to, the record's id and its stored SHA-256. */
public record ManifestRecord(String messageId, String recordId, String sha256) {
}
