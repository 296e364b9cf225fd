/**
 * The archive store: records and blobs addressed by their SHA-256, written once and never rewritten, with the
 * metadata that finds them. Ports here; the embedded file and database adapters beside them.
 */
package org.imarchive.archive.store;
