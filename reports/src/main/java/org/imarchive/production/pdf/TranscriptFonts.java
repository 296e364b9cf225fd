package org.imarchive.production.pdf;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed shipped fonts for one production: which font draws a character (the first in the fallback order that
 * has its glyph) and how wide it is. Parsed once per production and shared by its PDFs; not thread-safe, as a
 * production is written by one thread.
 */
public final class TranscriptFonts implements Closeable {
    private static final List<ShippedFont> CHINESE_FIRST = List.of(
            ShippedFont.SANS, ShippedFont.ARABIC, ShippedFont.HEBREW, ShippedFont.CHINESE, ShippedFont.JAPANESE, ShippedFont.EMOJI);
    private static final List<ShippedFont> JAPANESE_FIRST = List.of(
            ShippedFont.SANS, ShippedFont.ARABIC, ShippedFont.HEBREW, ShippedFont.JAPANESE, ShippedFont.CHINESE, ShippedFont.EMOJI);
    private static final List<ShippedFont> BOLD_FIRST = List.of(
            ShippedFont.SANS_BOLD, ShippedFont.ARABIC, ShippedFont.HEBREW, ShippedFont.CHINESE, ShippedFont.JAPANESE, ShippedFont.EMOJI);

    /** Drawn instead of a character no shipped font has, so the gap is visible and named, never a blank box. */
    static final int REPLACEMENT = 0xFFFD;

    private final Map<ShippedFont, TrueTypeFont> parsed = new EnumMap<>(ShippedFont.class);
    private final Map<ShippedFont, CmapLookup> cmaps = new EnumMap<>(ShippedFont.class);
    private final Map<ShippedFont, Float> unitsPerEm = new EnumMap<>(ShippedFont.class);
    /**
     * The choice made for each character and style, looked up for every character drawn: by style, then in blocks
     * of 256 code points allocated when first used, {@link #NO_GLYPH} marking a character drawn as nothing.
     */
    private final Glyph[][][] choices = new Glyph[Style.values().length][(Character.MAX_CODE_POINT + 1) >> 8][];
    private long replaced;

    /** Which fallback order a paragraph uses. */
    enum Style {
        REGULAR(CHINESE_FIRST), REGULAR_JAPANESE(JAPANESE_FIRST), BOLD(BOLD_FIRST);

        private final List<ShippedFont> order;

        Style(List<ShippedFont> order) {
            this.order = order;
        }
    }

    /**
     * A character's font and advance width in thousandths of the font size.
     *
     * @param replaced whether no shipped font has the character, so {@link #REPLACEMENT} is drawn for it
     */
    record Glyph(ShippedFont font, float width, boolean replaced) {
    }

    private static final Glyph NO_GLYPH = new Glyph(ShippedFont.SANS, 0, false);

    public TranscriptFonts() {
        try {
            for (ShippedFont font : ShippedFont.values()) {
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(font.bytes()));
                parsed.put(font, ttf);
                cmaps.put(font, ttf.getUnicodeCmapLookup());
                unitsPerEm.put(font, (float) ttf.getUnitsPerEm());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a shipped font cannot be parsed", e);
        }
    }

    TrueTypeFont font(ShippedFont font) {
        return parsed.get(font);
    }

    /**
     * The glyph for a character, or null where none of the fonts has one and it is invisible anyway (a variation
     * selector or joiner a font lacks): dropping those changes nothing a reader sees.
     */
    Glyph glyph(int codePoint, Style style) {
        Glyph[] block = choices[style.ordinal()][codePoint >> 8];
        if (block == null) {
            block = new Glyph[256];
            choices[style.ordinal()][codePoint >> 8] = block;
        }
        Glyph known = block[codePoint & 0xff];
        if (known == null) {
            Glyph chosen = lookUp(codePoint, style);
            known = chosen == null ? NO_GLYPH : chosen;
            block[codePoint & 0xff] = known;
        }
        return known == NO_GLYPH ? null : known;
    }

    private Glyph lookUp(int codePoint, Style style) {
        for (ShippedFont font : style.order) {
            int gid = cmaps.get(font).getGlyphId(codePoint);
            if (gid > 0) {
                return new Glyph(font, advance(font, gid), false);
            }
        }
        if (isInvisible(codePoint)) {
            return null;
        }
        replaced++;
        int gid = cmaps.get(ShippedFont.SANS).getGlyphId(REPLACEMENT);
        return new Glyph(ShippedFont.SANS, advance(ShippedFont.SANS, gid), true);
    }

    /** How many distinct characters had no glyph in any shipped font (each counted once per style). */
    public long replacedCharacters() {
        return replaced;
    }

    private float advance(ShippedFont font, int gid) {
        try {
            return parsed.get(font).getAdvanceWidth(gid) * 1000f / unitsPerEm.get(font);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read glyph widths of " + font, e);
        }
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.FORMAT || type == Character.NON_SPACING_MARK && codePoint >= 0xFE00 && codePoint <= 0xFE0F
                || (codePoint >= 0xE0100 && codePoint <= 0xE01EF) || type == Character.CONTROL;
    }

    @Override
    public void close() throws IOException {
        for (TrueTypeFont ttf : parsed.values()) {
            ttf.close();
        }
    }
}
