package org.imarchive.supervision.text;

/**
 * Where words start and end in folded text. A term must not hit inside a word ({@code cell} is not in
 * {@code excellent}); but Chinese, Japanese, Thai, Lao, Khmer and Burmese are written without spaces, so next to a
 * character of those scripts any position is a boundary and terms match as substrings.
 */
public final class WordBoundaries {

    private WordBoundaries() {
    }

    /** Whether {@code text[start, end)} stands as a word (or words) of its own, or only its start does if {@code prefix}. */
    public static boolean isWholeWord(CharSequence text, int start, int end, boolean prefix) {
        return isBoundary(text, start - 1, start) && (prefix || isBoundary(text, end - 1, end));
    }

    /** Whether a word may start or end between {@code text[before]} and {@code text[after]}. */
    static boolean isBoundary(CharSequence text, int before, int after) {
        if (before < 0 || after >= text.length()) {
            return true;
        }
        char left = text.charAt(before);
        char right = text.charAt(after);
        return !isWordChar(left) || !isWordChar(right) || isUnspaced(left) || isUnspaced(right);
    }

    /** A letter or digit: what a word is made of, whatever the script. */
    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** A character of a script written without spaces between words: each such character counts as a word. */
    public static boolean isUnspaced(char c) {
        if (c < 0x0E00) {
            return false;
        }
        return switch (Character.UnicodeScript.of(c)) {
            case HAN, HIRAGANA, KATAKANA, THAI, LAO, KHMER, MYANMAR -> true;
            default -> false;
        };
    }
}
