package org.imarchive.archive.media;

import org.imarchive.archive.support.Sha256;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/**
 * Compares content with a SHA-256 a platform stated for it. Meta states it base64-encoded in webhooks and as hex in
 * some Graph responses, so both spellings are accepted.
 */
final class PlatformSha256 {
    private PlatformSha256() {
    }

    /**
     * @return false only when {@code stated} is a SHA-256 (hex or base64) other than {@code digest}; a value that is
     *         no SHA-256 at all cannot be checked and is not held against the content
     */
    static boolean consistent(String stated, byte[] digest) {
        if (stated == null || stated.isBlank()) {
            return true;
        }
        String value = stated.trim();
        if (Sha256.isHex(value.toLowerCase(Locale.ROOT))) {
            return value.equalsIgnoreCase(Sha256.toHex(digest));
        }
        byte[] decoded = decodeBase64(value);
        return decoded == null || decoded.length != 32 || MessageDigest.isEqual(decoded, digest);
    }

    private static byte[] decodeBase64(String value) {
        try {
            return value.indexOf('-') >= 0 || value.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
