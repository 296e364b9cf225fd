package org.imarchive.supervision.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FoldedTextTest {

    @Test
    void caseDiacriticsQuotesAndSpacesAreFolded() {
        assertThat(FoldedText.fold("Garantië  GARANTÍA\u00A0\n Straße")).isEqualTo("garantie garantia strasse");
        assertThat(FoldedText.fold("I can’t lose – ﬁne")).isEqualTo("i can't lose - fine");
        assertThat(FoldedText.fold("ＦＩＮＲＡ ４５")).isEqualTo("finra 45");
        assertThat(FoldedText.fold("gua\u200Brantee")).as("zero-width space is dropped").isEqualTo("guarantee");
        assertThat(FoldedText.fold("e\u0301")).as("a decomposed accent goes too").isEqualTo("e");
    }

    @Test
    void marksThatAreNotDiacriticsAreKept() {
        assertThat(FoldedText.fold("が")).as("a kana's voicing mark changes the word").isNotEqualTo(FoldedText.fold("か"));
        assertThat(FoldedText.fold("กำไร")).as("Thai vowel marks stay").contains("\u0E4D");
    }

    @Test
    void everyFoldedCharMapsBackToItsOriginal() {
        String original = "🎉  Garantië   Straße";
        FoldedText text = FoldedText.of(original);

        assertThat(text.folded()).isEqualTo("🎉 garantie strasse");
        int garantie = text.folded().indexOf("garantie");
        assertThat(original.substring(text.originalStart(garantie), text.originalEnd(garantie + "garantie".length())))
                .isEqualTo("Garantië");
        int strasse = text.folded().indexOf("strasse");
        assertThat(original.substring(text.originalStart(strasse), text.originalEnd(strasse + "strasse".length())))
                .isEqualTo("Straße");
        int ss = text.folded().indexOf("ss");
        assertThat(original.substring(text.originalStart(ss), text.originalEnd(ss + 1))).isEqualTo("ß");
    }

    @Test
    void wordsAreCountedAcrossPunctuationAndUnspacedScripts() {
        WordPositions words = WordPositions.of("i can't, really - say 保证收益");

        assertThat(words.wordAt(0)).isEqualTo(0);
        assertThat(words.wordAt(2)).as("can't is one word").isEqualTo(1).isEqualTo(words.wordAt(6));
        assertThat(words.wordAt("i can't, really - say 保".length() - 1)).isEqualTo(4);
        assertThat(words.wordAt("i can't, really - say 保证".length() - 1)).as("each Han character is a word").isEqualTo(5);
        assertThat(words.wordsBetween(1, "i can't, really - ".length())).isEqualTo(2);
    }

    @Test
    void boundariesSeparateWordsButNotInsideThem() {
        assertThat(WordBoundaries.isWholeWord("excellent", 2, 6, false)).isFalse();
        assertThat(WordBoundaries.isWholeWord("my cell.", 3, 7, false)).isTrue();
        assertThat(WordBoundaries.isWholeWord("guaranteed", 0, 9, true)).isTrue();
        assertThat(WordBoundaries.isWholeWord("我保证收益", 1, 3, false)).isTrue();
    }
}
