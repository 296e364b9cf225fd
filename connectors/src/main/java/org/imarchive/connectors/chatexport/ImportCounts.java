package org.imarchive.connectors.chatexport;

/**
 * The counts an upload reports back ({@code POST /api/imports}); duplicates are counted by the archive on commit.
 *
 * @param imported messages read from the export, system messages included
 * @param media    media files of the upload attached to those messages
 * @param system   of {@code imported}, the system and service messages (group changes, calls, encryption notices)
 * @param setAside lines or entries that could not be placed on any message
 */
public record ImportCounts(long imported, long media, long system, long setAside) {
}
