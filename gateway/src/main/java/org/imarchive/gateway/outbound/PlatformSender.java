package org.imarchive.gateway.outbound;

/**
 * Hands an archived outbound message to its platform (port). Implementations call the platform's API and either
 * return its acceptance or throw {@link org.imarchive.connectors.platformapi.PlatformRefusedException}.
 */
public interface PlatformSender {

    OutboundChannel channel();

    /**
     * Refuses, before anything is archived, what this platform cannot send as asked (a quoted reply on Twilio).
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    default void check(OutboundIntent intent) {
    }

    SentReceipt send(OutboundIntent intent);
}
