package org.imarchive.archive.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key that wraps every data key. It never touches the disk through us except as the key file an operator chose,
 * and it is never logged; {@link #toString()} says only that it is one.
 */
public final class MasterKey {
    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != Aead.KEY_BYTES) {
            throw new IllegalArgumentException("a master key is 256 bits (32 bytes), not " + key.length + " bytes");
        }
        this.key = key.clone();
    }

    public static MasterKey of(byte[] key) {
        return new MasterKey(key);
    }

    /** @throws IllegalArgumentException when the text is not base64 of 32 bytes (the message never repeats the text) */
    public static MasterKey fromBase64(String text) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a master key is base64 text of 32 random bytes; this is not valid base64");
        }
        return new MasterKey(bytes);
    }

    public static MasterKey generate() {
        return new MasterKey(Aead.newKey());
    }

    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    /** Wraps a data key, bound to its key id so a wrapped key copied to another id does not unwrap. */
    public byte[] wrap(String keyId, byte[] dataKey) {
        return Aead.seal(key, dataKey, keyId.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws WrongMasterKeyException when this master key did not wrap it */
    public byte[] unwrap(String keyId, byte[] wrapped) {
        try {
            return Aead.open(key, wrapped, keyId.getBytes(StandardCharsets.UTF_8));
        } catch (UnreadableContentException e) {
            throw new WrongMasterKeyException("data key " + keyId + " does not unwrap with the configured master key"
                    + " (gateway.archive.encryption.master-key or master-key-file is not this archive's key, or the wrapped key was altered)");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && Arrays.equals(key, that.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
