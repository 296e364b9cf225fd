/**
 * Completes what capture leaves pending: fetches attachments' content from the platforms (with backoff, after the
 * message is archived) and extracts their text for search, each as a worker that follows the ledger from its own checkpoint.
 */
package org.imarchive.archive.media;
