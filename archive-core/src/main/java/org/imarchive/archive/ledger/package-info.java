/**
 * The ledger: every committed record, blob and production manifest, in order, in one hash chain, and the verifier
 * that recomputes the chain and every stored hash so that tampering anywhere is found and named.
 */
package org.imarchive.archive.ledger;
