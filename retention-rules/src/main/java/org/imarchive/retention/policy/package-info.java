/**
 * Retention policies: which rule governs a record, for how long, and on what legal basis. A record's class and
 * expiry are fixed when it is committed and a later policy version may only extend them (compliance mode).
 */
package org.imarchive.retention.policy;
