package org.imarchive.connectors.whatsappcloud;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Checks {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, raw body)>}. It must run on the bytes exactly
 * as received: Meta escapes non-ASCII and '/' in its JSON, so any re-serialized body hashes differently.
 */
public final class MetaSignatureVerifier {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    /** @param appSecret the Meta app's secret ({@code gateway.whatsapp-cloud.app-secret}) */
    public MetaSignatureVerifier(String appSecret) {
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("gateway.whatsapp-cloud.app-secret must be set to verify Meta webhooks");
        }
        this.key = new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** @param header the {@code X-Hub-Signature-256} value, or null when the request had none */
    public boolean isValid(byte[] body, String header) {
        if (body == null || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        // constant time, so a forger learns nothing from how long a wrong guess took to refuse
        return MessageDigest.isEqual(hmac(body), claimed);
    }

    private byte[] hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }
}
