/**
 * Legal holds in the running gateway: placed, changed and released by compliance through {@code /api/holds}, kept
 * with their history, matched against the search index, and offered to disposition ({@link
 * org.imarchive.gateway.holds.LegalHolds#active()}) and to productions.
 */
package org.imarchive.gateway.holds;
