package org.imarchive.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The platforms' real wire formats from {@code ../shared/fixtures}, and the secrets their signature vectors use. */
public final class Fixtures {
    /** The app secret of {@code wa_cloud_signature_vectors.json}, so the vectors' signatures are used as they are. */
    public static final String META_APP_SECRET = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    public static final String META_VERIFY_TOKEN = "verify-token-for-tests";
    public static final String TELEGRAM_SECRET = "telegram_secret-for-tests_123";

    private Fixtures() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("shared.dir", "../../shared")).resolve("fixtures");
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(dir().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String metaSignature(byte[] body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(META_APP_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
