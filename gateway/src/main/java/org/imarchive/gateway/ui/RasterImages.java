package org.imarchive.gateway.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which files a page may show as an image. Only raster formats a browser renders without running anything (never
 * SVG, HTML or PDF), and the bytes decide: a file is served inline only when its first bytes are a PNG, JPEG, GIF or
 * WebP signature, whatever its name or declared type says.
 */
final class RasterImages {
    static final int SIGNATURE_BYTES = 12;
    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    private static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp");

    private RasterImages() {
    }

    /** Whether the page should try to preview it, from what the message says of it (the blob endpoint checks the bytes). */
    static boolean looksLikeOne(String mediaType, String fileName) {
        if (mediaType != null && TYPES.contains(mediaType.toLowerCase(Locale.ROOT))) {
            return true;
        }
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return mediaType == null && dot >= 0 && EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The media type the first bytes prove, if they are one of the raster signatures. */
    static Optional<String> sniff(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && Arrays.equals(Arrays.copyOfRange(head, 8, 12), new byte[]{'W', 'E', 'B', 'P'})) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
