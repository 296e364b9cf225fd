/** Telegram Business connections: which relationship manager's account is connected to the firm's bot, with what rights. */
package org.imarchive.gateway.telegram;
