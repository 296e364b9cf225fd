package org.imarchive.gateway.ui;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RasterImagesTest {

    @Test
    void theBytesDecideWhatIsServedAsAnImage() {
        assertThat(RasterImages.sniff(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13})).hasValue("image/png");
        assertThat(RasterImages.sniff(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0})).hasValue("image/jpeg");
        assertThat(RasterImages.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).hasValue("image/gif");
        assertThat(RasterImages.sniff("RIFF\0\0\0\0WEBP".getBytes(StandardCharsets.US_ASCII))).hasValue("image/webp");
        assertThat(RasterImages.sniff("<svg onload=alert(1)>".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(RasterImages.sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(RasterImages.sniff(new byte[0])).isEmpty();
    }

    @Test
    void aDeclaredTypeWinsOverTheNameAndOnlyRasterTypesArePreviewed() {
        assertThat(RasterImages.looksLikeOne("image/JPEG", "scan.bin")).isTrue();
        assertThat(RasterImages.looksLikeOne(null, "IMG-0001.PNG")).isTrue();
        assertThat(RasterImages.looksLikeOne("image/svg+xml", "chart.png")).isFalse();
        assertThat(RasterImages.looksLikeOne("application/pdf", null)).isFalse();
        assertThat(RasterImages.looksLikeOne(null, "noextension")).isFalse();
    }
}
