package org.imarchive.production.pdf;

/** Consecutive characters drawn with one font; {@code width} in thousandths of the font size. */
record GlyphRun(ShippedFont font, String text, float width) {
}
