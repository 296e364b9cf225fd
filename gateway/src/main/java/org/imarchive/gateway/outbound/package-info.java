/**
 * Sending through the gateway: a relationship manager's message is archived (journaled and committed) before it is
 * handed to Twilio, Meta or Telegram, and the platform's answer is journaled after; see
 * docs/adr/0011-sending-and-reconciliation.md for how the platform's later statuses find the archived message.
 */
package org.imarchive.gateway.outbound;
