package org.imarchive.gateway.outbound;

/**
 * A platform's acceptance of a send.
 *
 * @param platformMessageId the platform's id of the message, as the archive writes such ids (Twilio sid, wamid,
 *                          Telegram {@code <chat id>:<message id>})
 * @param platformStatus    the first status the platform gave, where it gives one
 * @param responseBody      the platform's answer, byte for byte
 */
public record SentReceipt(String platformMessageId, String platformStatus, int httpStatus, byte[] responseBody) {
}
