/**
 * Productions: turns a selection of archived conversations into one ZIP a regulator or opposing counsel can read and
 * verify on their own (PDF transcripts with Bates numbers, EML, load file, natives, RSMF, a manifest and SHA256SUMS).
 * Pure logic: the gateway supplies the messages, the blobs and the output stream.
 */
package org.imarchive.production;
