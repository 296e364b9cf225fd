package org.imarchive.connectors.chatexport;

/**
 * Part of an export that could not be placed on any message, so it was not imported. Says where and why, never what
 * it said: the reasons are shown to the uploader and logged.
 *
 * @param location where in the upload, e.g. {@code line 3} or {@code chat 5128839021, message #17}
 */
public record SetAside(String location, String reason) {
}
