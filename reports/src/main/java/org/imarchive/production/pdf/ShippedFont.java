package org.imarchive.production.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts the project ships (OFL, see {@code fonts/README.md}), in the order a character looks for its glyph.
 * The Han fonts come in two orders, so Japanese text gets Japanese glyph shapes and Chinese text Chinese ones.
 */
enum ShippedFont {
    SANS("NotoSans-Regular.ttf"),
    SANS_BOLD("NotoSans-Bold.ttf"),
    ARABIC("NotoSansArabic-Regular.ttf"),
    HEBREW("NotoSansHebrew-Regular.ttf"),
    CHINESE("NotoSansSC-Regular.ttf"),
    JAPANESE("NotoSansJP-Regular.ttf"),
    EMOJI("NotoEmoji-Regular.ttf");

    private final String resource;
    private volatile byte[] bytes;

    ShippedFont(String resource) {
        this.resource = resource;
    }

    /**
     * The TTF's bytes with GSUB hidden (see {@link FontTables}), read from the classpath once per JVM (18 MB for all:
     * a fixed cost, not per production).
     */
    byte[] bytes() {
        byte[] loaded = bytes;
        if (loaded == null) {
            synchronized (this) {
                if (bytes == null) {
                    try (InputStream in = ShippedFont.class.getResourceAsStream("/fonts/" + resource)) {
                        if (in == null) {
                            throw new IllegalStateException("font /fonts/" + resource + " is missing from the classpath");
                        }
                        bytes = FontTables.hide(in.readAllBytes(), "GSUB");
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read font " + resource, e);
                    }
                }
                loaded = bytes;
            }
        }
        return loaded;
    }
}
