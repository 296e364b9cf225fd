package org.imarchive.production.pdf;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextShaperTest {
    private static final TranscriptFonts.Style REGULAR = TranscriptFonts.Style.REGULAR;
    private static TranscriptFonts fonts;
    private static TextShaper shaper;

    @BeforeAll
    static void parseFonts() {
        fonts = new TranscriptFonts();
        shaper = new TextShaper(fonts);
    }

    @AfterAll
    static void closeFonts() throws IOException {
        fonts.close();
    }

    @Test
    void aParagraphThatFitsIsOneLineWithoutItsTrailingSpaces() {
        List<TextLine> lines = shaper.lines("Delivery: delivered  ·  read   ", REGULAR, 100_000);

        assertEquals(List.of("Delivery: delivered  ·  read"), texts(lines));
        assertFalse(lines.get(0).rightToLeft());
    }

    @Test
    void aLongParagraphWrapsBetweenWordsAndNoLineIsWiderThanAllowed() {
        String text = "Good morning, could you confirm the settlement date for the forward we discussed yesterday? "
                + "The client wants to roll it to the end of the quarter, and asks whether the rate still holds.";
        float maxWidth = 20_000;

        List<TextLine> lines = shaper.lines(text, REGULAR, maxWidth);

        assertTrue(lines.size() > 3, "wrapped into " + lines.size() + " lines");
        lines.forEach(line -> assertTrue(line.width() <= maxWidth, line + " is wider than " + maxWidth));
        assertEquals(text, String.join(" ", texts(lines)), "every word, in order, breaking only at spaces");
        TextLine first = lines.get(0);
        assertTrue(first.width() + width("discussed ") > maxWidth || lines.size() == 1, "the first line is filled");
    }

    @Test
    void aWordLongerThanTheLineIsCutWhereItOverflows() {
        String word = "x".repeat(200);

        List<TextLine> lines = shaper.lines(word, REGULAR, 10_000);

        assertTrue(lines.size() > 1);
        assertEquals(word, String.join("", texts(lines)));
        lines.forEach(line -> assertTrue(line.width() <= 10_000));
    }

    @Test
    void chineseWrapsBetweenCharacters() {
        String text = "你好，我们明天上午十点在办公室见面讨论投资组合。".repeat(4);

        List<TextLine> lines = shaper.lines(text, REGULAR, 20_000);

        assertTrue(lines.size() > 1);
        assertEquals(text, String.join("", texts(lines)));
        assertEquals(ShippedFont.CHINESE, lines.get(0).runs().get(0).font());
    }

    @Test
    void rightToLeftParagraphsAreReorderedAndMarkedForTheRightMargin() {
        List<TextLine> lines = shaper.lines("שלום עולם", REGULAR, 100_000);

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).rightToLeft());
        assertEquals("םלוע םולש", texts(lines).get(0));
    }

    @Test
    void aLineBreakStartsANewParagraphAndAnEmptyOneKeepsItsLine() {
        List<TextLine> lines = shaper.lines("first\r\nsecond\n\nfourth\rfifth", REGULAR, 100_000);

        assertEquals(List.of("first", "second", "", "fourth", "fifth"), texts(lines));
    }

    @Test
    void tabsBecomeSpacesAndOtherControlCharactersGo() {
        assertEquals(List.of("a    b"), texts(shaper.lines("a\tb\u0007", REGULAR, 100_000)));
    }

    private static float width(String text) {
        return shaper.lines(text, REGULAR, Float.MAX_VALUE).get(0).width();
    }

    private static List<String> texts(List<TextLine> lines) {
        return lines.stream().map(line -> line.runs().stream().map(GlyphRun::text).collect(Collectors.joining())).toList();
    }
}
