/**
 * Full-text search over archived message versions: the {@link org.imarchive.archive.search.SearchIndex} port and its query model.
 * The index is derived from the archive and can always be rebuilt from it; adapters live in sub-packages.
 */
package org.imarchive.archive.search;
