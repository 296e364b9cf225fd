package org.imarchive.archive.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Our own ids are UUIDv7: sortable by time. Where an id must come out the same when the journal is replayed,
 * the random part is derived from a seed (the natural key) instead of drawn.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId(Instant time) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return uuidV7(time, random).toString();
    }

    public static String stableId(Instant time, String seed) {
        byte[] digest = Sha256.digest(seed.getBytes(StandardCharsets.UTF_8));
        return uuidV7(time, digest).toString();
    }

    static UUID uuidV7(Instant time, byte[] entropy) {
        long millis = time.toEpochMilli();
        ByteBuffer random = ByteBuffer.wrap(entropy);
        long randA = random.getShort() & 0x0FFFL;
        long randB = random.getLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        long most = (millis << 16) | (0x7L << 12) | randA;
        long least = randB | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
