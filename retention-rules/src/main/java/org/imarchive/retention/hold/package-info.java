/**
 * Legal holds: what a matter requires the firm to preserve, and the pure test of whether a record is covered. A hold
 * overrides every retention expiry while it is active, for records archived before or after it was placed.
 */
package org.imarchive.retention.hold;
