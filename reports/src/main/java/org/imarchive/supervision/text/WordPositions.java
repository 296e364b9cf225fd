package org.imarchive.supervision.text;

/**
 * The ordinal of the word each character of a folded text belongs to, for "within N words" questions. A word is a run
 * of letters and digits (an apostrophe between letters stays inside: {@code can't} is one word); in scripts written
 * without spaces each character is a word of its own, the only unit there is without a dictionary.
 */
public final class WordPositions {

    /** For each char, the ordinal of the word it is in, or of the last word before it when it is between words. */
    private final int[] wordAt;

    private WordPositions(int[] wordAt) {
        this.wordAt = wordAt;
    }

    public static WordPositions of(CharSequence text) {
        int[] wordAt = new int[text.length()];
        int word = -1;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordChar = WordBoundaries.isWordChar(c) || isInnerApostrophe(text, i);
            if (wordChar && (!inWord || WordBoundaries.isUnspaced(c) || WordBoundaries.isUnspaced(text.charAt(i - 1)))) {
                word++;
            }
            inWord = wordChar;
            wordAt[i] = word;
        }
        return new WordPositions(wordAt);
    }

    /** The ordinal of the word at {@code index} (the first word is 0). */
    public int wordAt(int index) {
        return wordAt[index];
    }

    /** How many words lie strictly between a span ending (exclusive) at {@code firstEnd} and one starting at {@code secondStart}. */
    public int wordsBetween(int firstEnd, int secondStart) {
        return wordAt[secondStart] - wordAt[firstEnd - 1] - 1;
    }

    private static boolean isInnerApostrophe(CharSequence text, int i) {
        return text.charAt(i) == '\'' && i > 0 && i + 1 < text.length()
                && Character.isLetter(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1));
    }
}
