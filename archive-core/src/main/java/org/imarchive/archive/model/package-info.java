/**
 * The canonical model: what the archive keeps of a business message, whatever platform it came from.
 * Records are immutable values; an edit or a deletion is a new record, never a change to an old one.
 */
package org.imarchive.archive.model;
