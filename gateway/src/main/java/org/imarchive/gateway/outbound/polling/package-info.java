/**
 * Telegram long polling for sites Telegram cannot reach ({@code gateway.telegram.mode=polling}): the poller's wiring,
 * its offset kept as a checkpoint in the archive store.
 */
package org.imarchive.gateway.outbound.polling;
