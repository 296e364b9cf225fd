package org.imarchive.connectors.whatsappcloud;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The GET verification Meta makes when the webhook is configured:
 * {@code ?hub.mode=subscribe&hub.verify_token=<ours>&hub.challenge=<n>} is answered 200 with the challenge verbatim
 * (as {@code text/plain}); anything else is refused with 403.
 */
public final class MetaSubscriptionHandshake {

    private final byte[] verifyToken;

    /** @param verifyToken the token entered in Meta's app dashboard ({@code gateway.whatsapp-cloud.verify-token}) */
    public MetaSubscriptionHandshake(String verifyToken) {
        if (verifyToken == null || verifyToken.isBlank()) {
            throw new IllegalArgumentException("gateway.whatsapp-cloud.verify-token must be set to answer Meta's verification");
        }
        this.verifyToken = verifyToken.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @return the body to answer with, or empty when the request must be refused
     */
    public Optional<String> respond(String mode, String verifyToken, String challenge) {
        if (!"subscribe".equals(mode) || verifyToken == null || challenge == null || challenge.isEmpty()) {
            return Optional.empty();
        }
        boolean tokenMatches = MessageDigest.isEqual(this.verifyToken, verifyToken.getBytes(StandardCharsets.UTF_8));
        return tokenMatches ? Optional.of(challenge) : Optional.empty();
    }
}
