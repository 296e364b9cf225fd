/**
 * The embedded search adapter, the default: a Lucene index in a local directory, no server to run.
 * Near-real-time: writes are searchable within a second; commits are periodic and on close.
 */
package org.imarchive.archive.search.lucene;
