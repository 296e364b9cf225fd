/**
 * Importers for the chat exports a custodian uploads: WhatsApp "Export chat" text files and Telegram Desktop
 * {@code result.json}, alone or zipped with their media. They turn a file into canonical
 * {@link org.imarchive.archive.model.ArchivedMessage} records and nothing else: no Spring, no Camel, no storage.
 * The same file always gives the same records, so the archive dedupes a file imported twice.
 * See {@code docs/adr/0004-chat-export-import.md} for the decisions behind the ids and markers.
 */
package org.imarchive.connectors.chatexport;
