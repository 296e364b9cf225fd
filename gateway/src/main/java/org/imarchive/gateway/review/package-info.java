/**
 * Supervision in the running gateway (FINRA 3110(b)(4)): the lexicon policies loaded and checked at start, the
 * scanner that follows the ledger and files review items for hits and samples, and the review queue's API.
 */
package org.imarchive.gateway.review;
