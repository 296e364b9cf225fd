/**
 * The behaviour every {@link org.imarchive.archive.search.SearchIndex} adapter must show, written once as
 * {@link org.imarchive.archive.search.SearchIndexContract} and run against each adapter.
 */
package org.imarchive.archive.search;
