package org.imarchive.production.pdf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Hides a table of a TrueType font from PDFBox by renaming its tag in the table directory. Used for GSUB: PDFBox 3
 * applies GSUB only to Latin (ligatures) and Bengali, through a regular expression built on every showText, which
 * made it most of the time spent writing a transcript; and ligature glyphs make extracted text harder to search.
 * Arabic is shaped before PDFBox sees it, so nothing the transcripts need is lost.
 */
public final class FontTables {
    private FontTables() {
    }

    /** A copy of {@code ttf} in which the table {@code tag} is renamed to its lower-case form, which no reader looks for. */
    public static byte[] hide(byte[] ttf, String tag) {
        byte[] copy = ttf.clone();
        ByteBuffer font = ByteBuffer.wrap(copy);
        int tables = font.getShort(4) & 0xffff;
        byte[] wanted = tag.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < tables; i++) {
            int record = 12 + i * 16;
            if (copy[record] == wanted[0] && copy[record + 1] == wanted[1] && copy[record + 2] == wanted[2] && copy[record + 3] == wanted[3]) {
                byte[] renamed = tag.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(renamed, 0, copy, record, 4);
            }
        }
        return copy;
    }
}
