/**
 * Small building blocks every part of the archive shares: sortable ids, SHA-256 and the canonical JSON form
 * whose bytes are hashed.
 */
package org.imarchive.archive.support;
