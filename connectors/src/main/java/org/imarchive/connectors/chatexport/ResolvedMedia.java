package org.imarchive.connectors.chatexport;

/** A media file of the upload that a message refers to: its content hash and size. */
public record ResolvedMedia(String sha256, long size) {
}
