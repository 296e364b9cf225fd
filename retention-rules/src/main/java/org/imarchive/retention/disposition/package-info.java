/**
 * Disposition of expired records: a reviewable plan (dry run), approval by a second person, a re-check at execution,
 * and a hash-chained certificate of what was destroyed. A held record, or one before its expiry, is never planned.
 */
package org.imarchive.retention.disposition;
