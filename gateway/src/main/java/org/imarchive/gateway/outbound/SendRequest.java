package org.imarchive.gateway.outbound;

/**
 * The body of {@code POST /api/messages/send}.
 *
 * @param platform {@code whatsapp} or {@code telegram}
 * @param channel  {@code twilio}, {@code whatsapp-cloud} or {@code telegram-bot}; optional where the platform has one
 *                 configured route (WhatsApp prefers Twilio when both are configured)
 * @param account  the approved account to send from
 * @param to       the customer
 * @param replyTo  the platform message id this answers, optional
 */
public record SendRequest(String platform, String channel, String account, String to, String text, String replyTo) {
}
