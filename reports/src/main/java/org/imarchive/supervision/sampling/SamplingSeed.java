package org.imarchive.supervision.sampling;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The key a sample is drawn with, recorded (by id) with every decision. Kept confidential until an examination:
 * whoever knows it can tell in advance which messages will be sampled. A new seed per period keeps one leak from
 * exposing every later sample.
 *
 * @param id     how decisions name the seed, e.g. {@code sampling-2026-11}
 * @param keyHex the key, 32 random bytes in hex
 */
public record SamplingSeed(String id, String keyHex) {

    public SamplingSeed {
        Objects.requireNonNull(id, "id");
        if (HexFormat.of().parseHex(keyHex).length < 16) {
            throw new IllegalArgumentException("a sampling key needs at least 16 bytes");
        }
    }

    public static SamplingSeed generate(String id, SecureRandom random) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new SamplingSeed(id, HexFormat.of().formatHex(key));
    }

    byte[] key() {
        return HexFormat.of().parseHex(keyHex);
    }

    /** The key stays out of logs and error messages. */
    @Override
    public String toString() {
        return "SamplingSeed[id=" + id + "]";
    }
}
