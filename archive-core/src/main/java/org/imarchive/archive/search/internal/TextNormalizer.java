package org.imarchive.archive.search.internal;

import com.ibm.icu.text.Normalizer2;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into the words both adapters index and match. Doing this in Java, not in an index analyzer, is what
 * makes the Lucene and Elasticsearch adapters agree, and it needs no analysis plugin on the cluster
 * (see docs/adr/0005-search-normalization.md).
 *
 * <ul>
 * <li>A word is a run of letters, digits and combining marks; Thai, written without spaces, is split into words by
 * the JDK's Thai dictionary ({@link BreakIterator}).</li>
 * <li>Chinese and Japanese ideographs and kana are single-character words; a query for several of them becomes a
 * phrase, so {@code 北京} matches {@code 北京大学} but not {@code 京北}.</li>
 * <li>Words are folded: Unicode NFKC case folding, then accents stripped from Latin, Greek and Cyrillic letters, so
 * {@code MÜLLER}, {@code Müller} and {@code muller} are one word; marks that carry meaning in other scripts
 * (Thai vowels, Devanagari signs) are kept.</li>
 * </ul>
 */
public final class TextNormalizer {

    /** Both Lucene's and Elasticsearch's whitespace tokenizers split longer tokens; we cut them to stay in step. */
    static final int MAX_TERM_LENGTH = 255;

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();
    private static final Normalizer2 NFC = Normalizer2.getNFCInstance();
    private static final ThreadLocal<BreakIterator> THAI_WORDS =
            ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(Locale.forLanguageTag("th")));

    private TextNormalizer() {
    }

    /** The words of {@code text}, in order, with their positions in it. */
    public static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int length = text.length();
        int runStart = 0;
        while (runStart < length) {
            boolean thai = isThai(text.codePointAt(runStart));
            int runEnd = runStart;
            while (runEnd < length && isThai(text.codePointAt(runEnd)) == thai) {
                runEnd += Character.charCount(text.codePointAt(runEnd));
            }
            if (thai) {
                addThaiWords(text, runStart, runEnd, tokens);
            } else {
                addWords(text, runStart, runEnd, tokens);
            }
            runStart = runEnd;
        }
        return tokens;
    }

    /** The words of {@code text}, folded, separated by single spaces: what a whitespace analyzer must see. */
    public static String normalize(String text) {
        List<Token> tokens = tokenize(text);
        StringBuilder joined = new StringBuilder(text.length());
        for (Token token : tokens) {
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(token.term());
        }
        return joined.toString();
    }

    /** Case- and accent-folds a whole value without splitting it: for ids, names and other exact-match fields. */
    public static String fold(String value) {
        if (isAscii(value)) {
            return lowerAscii(value);
        }
        String folded = NFKC_CASEFOLD.isNormalized(value) ? value : NFKC_CASEFOLD.normalize(value);
        // most words (Cyrillic, CJK, Thai, plain Latin) have no accent to strip: skip decomposing them
        if (mayCarryAccent(folded)) {
            folded = NFC.normalize(stripAccents(folded));
        }
        return replaceUndecomposableLetters(folded);
    }

    /** Thai is written without spaces between words: its dictionary in the JDK finds them. */
    private static void addThaiWords(String text, int from, int to, List<Token> tokens) {
        BreakIterator words = THAI_WORDS.get();
        words.setText(text.substring(from, to));
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            addWords(text, from + start, from + end, tokens);
        }
    }

    /**
     * A word is a run of letters, digits and combining marks; anything else separates words, so {@code e-mail},
     * {@code statement.pdf} and {@code don't} are two words each and are found as a phrase. Ideographs and kana are
     * words of one character.
     */
    private static void addWords(String text, int from, int to, List<Token> tokens) {
        int i = from;
        while (i < to) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isSingleCharWord(cp)) {
                addToken(text, i, next, tokens);
                i = next;
            } else if (Character.isLetterOrDigit(cp)) {
                int wordEnd = next;
                while (wordEnd < to && isInWord(text.codePointAt(wordEnd))) {
                    wordEnd += Character.charCount(text.codePointAt(wordEnd));
                }
                addToken(text, i, wordEnd, tokens);
                i = wordEnd;
            } else {
                i = next;
            }
        }
    }

    private static boolean isInWord(int cp) {
        if (isSingleCharWord(cp)) {
            return false;
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp)
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static void addToken(String text, int start, int end, List<Token> tokens) {
        String term = fold(text.substring(start, end));
        if (term.indexOf(' ') >= 0) {
            term = term.replace(" ", ""); // compatibility forms such as "⑴" fold to several characters
        }
        if (term.length() > MAX_TERM_LENGTH) {
            term = term.substring(0, MAX_TERM_LENGTH);
        }
        if (!term.isEmpty()) {
            tokens.add(new Token(term, start, end));
        }
    }

    private static String stripAccents(String value) {
        String decomposed = NFD.normalize(value);
        StringBuilder out = new StringBuilder(decomposed.length());
        Character.UnicodeScript baseScript = Character.UnicodeScript.COMMON;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (!isAccentedScript(baseScript)) {
                    out.appendCodePoint(cp);
                }
            } else {
                baseScript = Character.UnicodeScript.of(cp);
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Letters that are distinct code points rather than a base plus an accent, folded as ICU's folding does. */
    private static String replaceUndecomposableLetters(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            String replacement = switch (value.charAt(i)) {
                case 'ø' -> "o";
                case 'đ', 'ð' -> "d";
                case 'ł' -> "l";
                case 'ħ' -> "h";
                case 'ı' -> "i";
                case 'æ' -> "ae";
                case 'œ' -> "oe";
                case 'þ' -> "th";
                default -> null;
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(value.length() + 4).append(value, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(value.charAt(i)));
            }
        }
        return out == null ? value : out.toString();
    }

    private static boolean isAccentedScript(Character.UnicodeScript script) {
        return script == Character.UnicodeScript.LATIN
                || script == Character.UnicodeScript.GREEK
                || script == Character.UnicodeScript.CYRILLIC;
    }

    /** The Thai block holds exactly the Thai script; a range check is much cheaper than a script lookup. */
    private static boolean isThai(int cp) {
        return cp >= 0x0E00 && cp <= 0x0E7F;
    }

    private static boolean isSingleCharWord(int cp) {
        if (cp < 0x2E80) { // below the CJK radicals nothing is Han or kana
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN
                || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA
                || cp == 0x30FC; // the katakana length mark is script COMMON but lives inside katakana words
    }

    /**
     * Whether a case-folded word holds a character that decomposes into a Latin, Greek or Cyrillic letter plus an
     * accent, or a combining accent itself: Latin-1 to Latin Extended-B, combining marks and Greek, {@code й} and
     * {@code ё}-like Cyrillic letters, Latin Extended Additional and Greek Extended.
     */
    private static boolean mayCarryAccent(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 0x00C0 && c <= 0x024F) || (c >= 0x0300 && c <= 0x03FF) || c == 0x0439
                    || (c >= 0x0450 && c <= 0x045F) || (c >= 0x04C1 && c <= 0x04FF) || (c >= 0x1E00 && c <= 0x1FFF)) {
                return true;
            }
        }
        return false;
    }

    private static String lowerAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return value.toLowerCase(Locale.ROOT);
            }
        }
        return value;
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
