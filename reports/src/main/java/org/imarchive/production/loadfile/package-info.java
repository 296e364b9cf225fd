/**
 * The load file a review platform imports: one row per message with its Bates range, identifiers, people, time,
 * the paths of its files inside the production and its hashes; as CSV and as a Concordance DAT.
 */
package org.imarchive.production.loadfile;
