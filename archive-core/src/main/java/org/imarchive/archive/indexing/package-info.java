/**
 * Keeps the search index derived from the archive: each committed record's message is (re)indexed, in ledger order,
 * from a checkpoint, so an index outage only delays indexing and a rebuild is a replay from zero.
 */
package org.imarchive.archive.indexing;
