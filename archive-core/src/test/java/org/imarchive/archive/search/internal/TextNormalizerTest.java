package org.imarchive.archive.search.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    @Test
    void foldsCaseAndLatinAccents() {
        assertThat(TextNormalizer.normalize("MÜLLER Müller Muller Ångström façade")).isEqualTo("muller muller muller angstrom facade");
        assertThat(TextNormalizer.normalize("Straße ÆØ Łódź")).isEqualTo("strasse aeo lodz");
    }

    @Test
    void keepsMarksThatCarryMeaningOutsideLatinGreekAndCyrillic() {
        assertThat(TextNormalizer.normalize("नमस्ते")).isEqualTo("नमस्ते");
        assertThat(TextNormalizer.normalize("ยินดี")).isEqualTo("ยินดี");
        assertThat(TextNormalizer.normalize("Ёлка Ἀθῆναι")).isEqualTo("елка αθηναι");
    }

    @Test
    void splitsOnPunctuationAndKeepsOffsetsIntoTheOriginal() {
        String text = "e-mail: Kontoauszug-März.pdf, don't!";
        assertThat(TextNormalizer.normalize(text)).isEqualTo("e mail kontoauszug marz pdf don t");
        Token marz = TextNormalizer.tokenize(text).get(3);
        assertThat(text.substring(marz.start(), marz.end())).isEqualTo("März");
    }

    @Test
    void ideographsAndKanaAreWordsOfOneCharacter() {
        assertThat(TextNormalizer.normalize("北京大学ABC東京タワー")).isEqualTo("北 京 大 学 abc 東 京 タ ワ ー");
    }

    @Test
    void thaiIsSplitIntoDictionaryWords() {
        assertThat(TextNormalizer.normalize("สวัสดีครับ")).isEqualTo("สวัสดี ครับ");
    }

    @Test
    void fullWidthFormsFoldToTheirPlainForm() {
        assertThat(TextNormalizer.normalize("ＡＢＣ１２３")).isEqualTo("abc123");
    }

    @Test
    void foldKeepsAWholeValueTogether() {
        assertThat(TextNormalizer.fold("Hans Müller")).isEqualTo("hans muller");
        assertThat(TextNormalizer.fold("+49 170 ÄB")).isEqualTo("+49 170 ab");
    }

    @Test
    void overlongWordsAreCutAtTheEnginesLimit() {
        String longWord = "a".repeat(300);
        assertThat(TextNormalizer.normalize(longWord)).hasSize(TextNormalizer.MAX_TERM_LENGTH);
    }
}
