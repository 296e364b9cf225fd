package org.imarchive.gateway.outbound;

/**
 * What a send came to, once the message is archived: the archive's message id (for {@code GET /api/messages/{id}}),
 * our outbound id, and the platform's acceptance or refusal.
 */
public record SendResult(String outboundId, String messageId, SendOutcome.State state, String platformMessageId, String platformStatus,
                         int platformHttpStatus, String errorCode, String reason) {
}
