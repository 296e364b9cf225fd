/**
 * Telegram Bot API webhooks (business connections, bot chats, channel posts): the secret-token check and the pure
 * mapping of Update JSON to canonical records, plus the business-connection events the gateway registers.
 */
package org.imarchive.connectors.telegram;
