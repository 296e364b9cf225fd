/**
 * Plain tests of the shared normalization and query parsing, below the adapters: where a word starts and ends, how it
 * is folded, what a query parses into.
 */
package org.imarchive.archive.search.internal;
