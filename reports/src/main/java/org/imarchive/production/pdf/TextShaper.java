package org.imarchive.production.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns logical text into lines PDFBox can draw as they are, because PDFBox neither shapes nor reorders: Arabic is
 * shaped into presentation forms (ICU), lines are broken where Unicode allows (spaces, between Han characters),
 * each line is reordered visually by the bidi algorithm with mirroring, and split into runs of one font each.
 */
final class TextShaper {
    private static final ArabicShaping ARABIC = new ArabicShaping(
            ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK);
    private static final Pattern NEWLINE = Pattern.compile("\r\n|\r|\n");

    private final TranscriptFonts fonts;
    private final BreakIterator breaks = BreakIterator.getLineInstance(ULocale.ROOT);

    TextShaper(TranscriptFonts fonts) {
        this.fonts = fonts;
    }

    /**
     * @param maxWidth the line length in thousandths of the font size (points * 1000 / size)
     */
    List<TextLine> lines(String text, TranscriptFonts.Style style, float maxWidth) {
        List<TextLine> lines = new ArrayList<>();
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            layOut(clean(text), style, maxWidth, lines);
            return lines;
        }
        for (String paragraph : NEWLINE.split(text, -1)) {
            layOut(clean(paragraph), style, maxWidth, lines);
        }
        return lines;
    }

    private void layOut(String paragraph, TranscriptFonts.Style requested, float maxWidth, List<TextLine> lines) {
        TranscriptFonts.Style style = requested == TranscriptFonts.Style.REGULAR && hasKana(paragraph)
                ? TranscriptFonts.Style.REGULAR_JAPANESE : requested;
        String shaped = hasArabic(paragraph) ? shapeArabic(paragraph) : paragraph;
        char[] chars = shaped.toCharArray();
        boolean needsBidi = Bidi.requiresBidi(chars, 0, chars.length);
        byte level = needsBidi ? new Bidi(shaped, Bidi.LEVEL_DEFAULT_LTR).getParaLevel() : 0;
        boolean rightToLeft = (level & 1) == 1;
        if (shaped.isEmpty()) {
            lines.add(new TextLine(List.of(), 0, false));
            return;
        }
        // advance widths summed from the paragraph's start: the width of any stretch is one subtraction
        double[] before = advancesBefore(shaped, style);
        if (before[trimEnd(shaped, 0, shaped.length())] <= maxWidth) {
            // most paragraphs fit on one line: no break opportunity would be taken, so none is looked for
            lines.add(line(shaped, 0, shaped.length(), style, level, needsBidi, rightToLeft));
            return;
        }
        breaks.setText(shaped);
        int lineStart = 0;
        int lastFit = -1;
        double width = 0;
        int segmentStart = 0;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            double segment = before[end] - before[segmentStart];
            double visible = before[trimEnd(shaped, segmentStart, end)] - before[segmentStart];
            if (width + visible > maxWidth && lastFit > lineStart) {
                lines.add(line(shaped, lineStart, lastFit, style, level, needsBidi, rightToLeft));
                lineStart = lastFit;
                width = 0;
            }
            width += segment;
            if (before[trimEnd(shaped, lineStart, end)] - before[lineStart] > maxWidth) {
                // one word longer than the line: cut it where it overflows
                lineStart = cutLongWord(shaped, before, lineStart, end, maxWidth, style, level, needsBidi, rightToLeft, lines);
                width = before[end] - before[lineStart];
            }
            lastFit = end;
            segmentStart = end;
        }
        lines.add(line(shaped, lineStart, shaped.length(), style, level, needsBidi, rightToLeft));
    }

    private int cutLongWord(String text, double[] before, int start, int end, float maxWidth, TranscriptFonts.Style style,
                            byte level, boolean needsBidi, boolean rightToLeft, List<TextLine> lines) {
        int lineStart = start;
        double width = 0;
        for (int i = start; i < end; i = text.offsetByCodePoints(i, 1)) {
            double next = before[i + 1] - before[i];
            if (width + next > maxWidth && i > lineStart) {
                lines.add(line(text, lineStart, i, style, level, needsBidi, rightToLeft));
                lineStart = i;
                width = 0;
            }
            width += next;
        }
        return lineStart;
    }

    /** @param needsBidi whether the paragraph has any right-to-left text: a line of one that has none is drawn as it is */
    private TextLine line(String text, int start, int end, TranscriptFonts.Style style, byte level, boolean needsBidi, boolean rightToLeft) {
        String logical = text.substring(start, trimEnd(text, start, end));
        String visual = logical;
        if (level != 0 || needsBidi && Bidi.requiresBidi(logical.toCharArray(), 0, logical.length())) {
            Bidi bidi = new Bidi();
            bidi.setPara(logical, level, null);
            visual = bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
        }
        return runs(visual, style, rightToLeft);
    }

    private TextLine runs(String visual, TranscriptFonts.Style style, boolean rightToLeft) {
        List<GlyphRun> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        ShippedFont runFont = null;
        float runWidth = 0;
        float total = 0;
        for (int i = 0; i < visual.length(); ) {
            int codePoint = visual.codePointAt(i);
            i += Character.charCount(codePoint);
            TranscriptFonts.Glyph glyph = fonts.glyph(codePoint, style);
            if (glyph == null) {
                continue;
            }
            if (glyph.font() != runFont && run.length() > 0) {
                runs.add(new GlyphRun(runFont, run.toString(), runWidth));
                run.setLength(0);
                runWidth = 0;
            }
            runFont = glyph.font();
            run.appendCodePoint(glyph.replaced() ? TranscriptFonts.REPLACEMENT : codePoint);
            runWidth += glyph.width();
            total += glyph.width();
        }
        if (run.length() > 0) {
            runs.add(new GlyphRun(runFont, run.toString(), runWidth));
        }
        return new TextLine(runs, total, rightToLeft);
    }

    /**
     * {@code before[i]}: the advance widths of the characters before index {@code i}, a supplementary character's
     * counted at its high surrogate; {@code before[length]} is the whole text's. Doubles, so sums are not rounded twice.
     */
    private double[] advancesBefore(String text, TranscriptFonts.Style style) {
        double[] before = new double[text.length() + 1];
        double total = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            TranscriptFonts.Glyph glyph = fonts.glyph(codePoint, style);
            before[i] = total;
            total += glyph == null ? 0 : glyph.width();
            int next = i + Character.charCount(codePoint);
            for (int j = i + 1; j <= next; j++) {
                before[j] = total;
            }
            i = next;
        }
        return before;
    }

    private static int trimEnd(String text, int start, int end) {
        int trimmed = end;
        while (trimmed > start && Character.isWhitespace(text.charAt(trimmed - 1))) {
            trimmed--;
        }
        return trimmed;
    }

    /** Tabs become spaces and other control characters go: neither has a glyph, and both would break the layout. */
    private static String clean(String paragraph) {
        if (!hasControl(paragraph)) {
            return paragraph;
        }
        StringBuilder cleaned = new StringBuilder(paragraph.length());
        for (int i = 0; i < paragraph.length(); i++) {
            char c = paragraph.charAt(i);
            if (c == '\t') {
                cleaned.append("    ");
            } else if (!Character.isISOControl(c)) {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasArabic(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x0600 && c <= 0x08FF) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasKana(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x3040 && c <= 0x30FF) {
                return true;
            }
        }
        return false;
    }

    private static String shapeArabic(String text) {
        try {
            return ARABIC.shape(text);
        } catch (ArabicShapingException e) {
            // ICU only throws for buffer-size options we do not use; unshaped letters still read, if disjoined
            return text;
        }
    }
}
