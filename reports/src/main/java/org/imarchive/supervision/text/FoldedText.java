package org.imarchive.supervision.text;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * A text folded for matching, with a map from each folded character back to the original characters it came from.
 * <p>
 * Folding, per code point: NFKD (so {@code ﬁ} is {@code fi} and a full-width {@code ４} is {@code 4}), combining marks
 * stripped after a Latin, Greek or Cyrillic base ({@code Garantië} is {@code garantie}; marks of other scripts carry
 * meaning, a kana's voicing mark for one, and are kept), lower case, typographic quotes and dashes made ASCII (a phone
 * types {@code can’t}, a lexicon says {@code can't}), zero-width and other format characters dropped (a common way to
 * slip a word past a filter), and every run of white space made one space. Patterns are folded by the same function,
 * so both sides always agree.
 */
public final class FoldedText {

    private final String original;
    private final String folded;
    /** For each folded char, the original char offset where its source code point (or white-space run) starts. */
    private final int[] originalStart;
    /** For each folded char, the original char offset where its source ends (exclusive). */
    private final int[] originalEnd;

    private FoldedText(String original, String folded, int[] originalStart, int[] originalEnd) {
        this.original = original;
        this.folded = folded;
        this.originalStart = originalStart;
        this.originalEnd = originalEnd;
    }

    public static FoldedText of(String original) {
        Builder builder = new Builder(original.length());
        int i = 0;
        int whitespaceStart = -1;
        int whitespaceEnd = -1;
        boolean stripMarks = false;
        while (i < original.length()) {
            int cp = original.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWhitespace(cp)) {
                if (whitespaceStart < 0) {
                    whitespaceStart = i;
                }
                whitespaceEnd = next;
            } else if (Character.getType(cp) != Character.FORMAT) {
                if (whitespaceStart >= 0 && builder.length() > 0) {
                    builder.append(' ', whitespaceStart, whitespaceEnd);
                }
                whitespaceStart = -1;
                stripMarks = foldCodePoint(cp, i, next, stripMarks, builder);
            }
            i = next;
        }
        return builder.build(original);
    }

    /** Folds a pattern (a lexicon term or phrase) the same way as the text it is matched against. */
    public static String fold(String pattern) {
        return of(pattern).folded;
    }

    public String original() {
        return original;
    }

    public String folded() {
        return folded;
    }

    /** Where the folded character at {@code foldedIndex} starts in the original text. */
    public int originalStart(int foldedIndex) {
        return originalStart[foldedIndex];
    }

    /** Where a folded span ending (exclusive) at {@code foldedEnd} ends in the original text. */
    public int originalEnd(int foldedEnd) {
        return originalEnd[foldedEnd - 1];
    }

    private static boolean isWhitespace(int cp) {
        // Character.isWhitespace leaves out the no-break spaces (U+00A0, U+202F) that phones and exports insert
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** Appends the folding of one code point; returns whether marks that follow it are to be stripped. */
    private static boolean foldCodePoint(int cp, int start, int end, boolean stripMarks, Builder out) {
        if (cp < 0x80) {
            out.append((char) (cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp), start, end);
            return true;
        }
        char punctuation = asciiPunctuation(cp);
        if (punctuation != 0) {
            out.append(punctuation, start, end);
            return true;
        }
        if (cp == 'ß' || cp == 'ẞ') {
            out.append('s', start, end);
            out.append('s', start, end);
            return true;
        }
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        boolean strip = stripMarks;
        for (int j = 0; j < decomposed.length(); ) {
            int part = decomposed.codePointAt(j);
            j += Character.charCount(part);
            if (Character.getType(part) == Character.NON_SPACING_MARK) {
                if (strip) {
                    continue;
                }
            } else {
                strip = marksAreDiacritics(part);
            }
            int lower = Character.toLowerCase(part);
            for (char c : Character.toChars(lower)) {
                out.append(c, start, end);
            }
        }
        return strip;
    }

    private static boolean marksAreDiacritics(int baseCodePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(baseCodePoint);
        return script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.COMMON;
    }

    private static char asciiPunctuation(int cp) {
        return switch (cp) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u2032', '\uFF07' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\uFF02', '\u00AB', '\u00BB' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212', '\uFE63', '\uFF0D' -> '-';
            default -> 0;
        };
    }

    private static final class Builder {
        private final StringBuilder text;
        private int[] starts;
        private int[] ends;

        Builder(int capacity) {
            text = new StringBuilder(capacity);
            starts = new int[Math.max(capacity, 1)];
            ends = new int[Math.max(capacity, 1)];
        }

        int length() {
            return text.length();
        }

        void append(char c, int originalStart, int originalEnd) {
            int at = text.length();
            if (at == starts.length) {
                starts = Arrays.copyOf(starts, at * 2);
                ends = Arrays.copyOf(ends, at * 2);
            }
            text.append(c);
            starts[at] = originalStart;
            ends[at] = originalEnd;
        }

        FoldedText build(String original) {
            return new FoldedText(original, text.toString(), starts, ends);
        }
    }
}
