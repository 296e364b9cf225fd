package org.imarchive.archive.crypto;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SegmentedAeadTest {

    @Test
    void aLargeBlobRoundTripsInSegments() throws IOException {
        byte[] plain = new byte[200_000];
        new Random(7).nextBytes(plain);
        byte[] key = Aead.newKey();
        byte[] sealed = seal(plain, key);

        assertThat(sealed.length).isGreaterThan(plain.length);
        assertThat(SegmentedAead.opening(new ByteArrayInputStream(sealed), key).readAllBytes()).isEqualTo(plain);
    }

    @Test
    void anEmptyBlobRoundTrips() throws IOException {
        byte[] key = Aead.newKey();
        assertThat(SegmentedAead.opening(new ByteArrayInputStream(seal(new byte[0], key)), key).readAllBytes()).isEmpty();
    }

    @Test
    void alteredCutShortOrWrongKeyContentDoesNotOpen() throws IOException {
        byte[] plain = new byte[100_000];
        byte[] key = Aead.newKey();
        byte[] sealed = seal(plain, key);
        byte[] altered = sealed.clone();
        altered[500] ^= 1;
        byte[] cut = java.util.Arrays.copyOf(sealed, 65_600);

        for (byte[] bad : new byte[][]{altered, cut}) {
            assertThatThrownBy(() -> SegmentedAead.opening(new ByteArrayInputStream(bad), key).readAllBytes())
                    .isInstanceOf(IOException.class).hasCauseInstanceOf(UnreadableContentException.class);
        }
        assertThatThrownBy(() -> SegmentedAead.opening(new ByteArrayInputStream(sealed), Aead.newKey()).readAllBytes())
                .isInstanceOf(IOException.class).hasCauseInstanceOf(UnreadableContentException.class);
    }

    @Test
    void aRecordSealedForOneIdDoesNotOpenForAnother() {
        byte[] key = Aead.newKey();
        byte[] sealed = Aead.seal(key, "content".getBytes(), "record:a".getBytes());
        assertThat(Aead.open(key, sealed, "record:a".getBytes())).isEqualTo("content".getBytes());
        assertThatThrownBy(() -> Aead.open(key, sealed, "record:b".getBytes())).isInstanceOf(UnreadableContentException.class);
    }

    @Test
    void aMasterKeyIsNeverPrinted() {
        MasterKey key = MasterKey.generate();
        assertThat(key.toString()).doesNotContain(key.toBase64());
        assertThatThrownBy(() -> MasterKey.fromBase64("c2hvcnQ=")).hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
    }

    private static byte[] seal(byte[] plain, byte[] key) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream sealing = SegmentedAead.sealing(out, key)) {
            sealing.write(plain);
        }
        return out.toByteArray();
    }
}
