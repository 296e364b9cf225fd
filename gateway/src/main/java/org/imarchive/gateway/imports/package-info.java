/**
 * Chat-export imports (WhatsApp .txt/.zip, Telegram Desktop JSON/.zip): the uploaded file kept as a blob, its import
 * journaled and committed like any capture, with counts of what was new, duplicate, media, system and set aside.
 */
package org.imarchive.gateway.imports;
