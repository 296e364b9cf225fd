/**
 * The production manifest: every file of a production with its SHA-256, size and the archive records it holds,
 * written as the files are, and read back by the verifier.
 */
package org.imarchive.production.manifest;
