/**
 * Productions for regulators and courts: export jobs selected by search, run in the background with progress, their
 * ZIP (PDF, EML, load files, natives, RSMF, manifest, SHA256SUMS) kept under the data directory and their manifest
 * hash entered in the ledger.
 */
package org.imarchive.gateway.exports;
