/**
 * EML: one RFC 5322 / MIME message per archived message, with every version in the body, the archive's identifiers
 * and record hashes in {@code X-IMArchive-*} headers and the attachments' bytes as MIME parts.
 */
package org.imarchive.production.eml;
