/**
 * The derived steps after capture: normalize a journal record into canonical records, govern, commit, index.
 * Every step is idempotent, so replaying the journal after a crash loses nothing and duplicates nothing.
 */
package org.imarchive.archive.pipeline;
