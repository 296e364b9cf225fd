package org.imarchive.connectors.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

/**
 * Checks {@code X-Telegram-Bot-Api-Secret-Token}: Telegram echoes the {@code secret_token} given to setWebhook, with
 * no HMAC, so the whole check is an equality, made in constant time.
 */
public final class TelegramSecretVerifier {

    /** What setWebhook accepts as secret_token; a secret outside it could never be echoed back. */
    private static final Pattern SECRET_TOKEN = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final byte[] secret;

    /** @param secret the webhook secret ({@code gateway.telegram.webhook-secret}) */
    public TelegramSecretVerifier(String secret) {
        if (secret == null || !SECRET_TOKEN.matcher(secret).matches()) {
            throw new IllegalArgumentException(
                    "gateway.telegram.webhook-secret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and -");
        }
        this.secret = secret.getBytes(StandardCharsets.US_ASCII);
    }

    /** @param header the header's value, or null when the request had none */
    public boolean isValid(String header) {
        return header != null && MessageDigest.isEqual(secret, header.getBytes(StandardCharsets.UTF_8));
    }
}
