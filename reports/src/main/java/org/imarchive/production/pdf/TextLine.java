package org.imarchive.production.pdf;

import java.util.List;

/**
 * One line ready to draw: runs in visual (left to right) order, its width in thousandths of the font size, and
 * whether its paragraph is right to left, so it is aligned to the right margin.
 */
record TextLine(List<GlyphRun> runs, float width, boolean rightToLeft) {
}
