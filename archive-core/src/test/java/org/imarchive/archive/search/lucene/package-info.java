/**
 * Tests of the embedded Lucene adapter: the shared contract on a temporary directory, and what only a local index
 * does (surviving a restart).
 */
package org.imarchive.archive.search.lucene;
