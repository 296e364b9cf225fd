/**
 * What both search adapters share so they answer alike: the text normalization, the field schema, query parsing,
 * filters, the cursor and highlighting. Not an API: only the adapters in the sibling packages use it.
 */
package org.imarchive.archive.search.internal;
