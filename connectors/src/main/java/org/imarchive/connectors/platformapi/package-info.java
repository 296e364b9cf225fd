/**
 * Calling the platforms' own APIs (Twilio, Meta Graph, Telegram Bot API): one retry policy for all of them, their
 * refusals as one exception with the platform's reason, and the raw JSON of list responses cut into per-item bytes.
 */
package org.imarchive.connectors.platformapi;
