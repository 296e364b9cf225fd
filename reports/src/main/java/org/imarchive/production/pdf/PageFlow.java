package org.imarchive.production.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Lays text and images down a PDF page by page: opens a page when the current one is full, stamps each page with its
 * Bates number and the matter as it opens, and closes each page's content stream as soon as the page is full, so
 * only the page being written is open. Fonts enter the document when a glyph first needs them.
 */
final class PageFlow {
    static final PDRectangle SIZE = PDRectangle.A4;
    static final float MARGIN = 50f;
    private static final float TOP = SIZE.getHeight() - 56f;
    private static final float BOTTOM = 58f;
    static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;
    private static final TextStyle SMALL = new TextStyle(TranscriptFonts.Style.REGULAR, 7.5f, 0.35f, 0f);
    private static final TextStyle BATES = new TextStyle(TranscriptFonts.Style.BOLD, 10f, 0f, 0f);

    private final PDDocument document;
    private final TranscriptFonts fonts;
    private final TextShaper shaper;
    private final BatesCounter bates;
    private final TextLine footer;
    private final TextLine runningHead;
    private final Map<ShippedFont, PDType0Font> loaded = new EnumMap<>(ShippedFont.class);
    private PDPageContentStream content;
    private String pageBates;
    private float y;
    private int pages;

    PageFlow(PDDocument document, TranscriptFonts fonts, TextShaper shaper, BatesCounter bates, String footer, String runningHead) {
        this.document = document;
        this.fonts = fonts;
        this.shaper = shaper;
        this.bates = bates;
        // the same on every page: shaped once per transcript
        this.footer = shaper.lines(footer, SMALL.fonts(), (WIDTH * 0.8f) * 1000f / SMALL.size()).get(0);
        this.runningHead = shaper.lines(runningHead, SMALL.fonts(), (WIDTH * 0.8f) * 1000f / SMALL.size()).get(0);
    }

    /** Opens a page of its own (the cover) and returns it with its Bates number; its body is drawn later. */
    PDPage reservePage() throws IOException {
        closePage();
        PDPage page = openPage();
        closePage();
        return page;
    }

    String currentBates() {
        return pageBates;
    }

    int pages() {
        return pages;
    }

    TextShaper shaper() {
        return shaper;
    }

    /** Draws text in one style, wrapping it; starts a new page wherever a line does not fit. */
    void text(String text, TextStyle style) throws IOException {
        for (TextLine line : shaper.lines(text, style.fonts(), (WIDTH - style.indent()) * 1000f / style.size())) {
            need(style.leading());
            y -= style.leading();
            draw(content, line, style, y);
        }
    }

    /** Keeps the next {@code height} points on one page: a message heading is never the last line of a page. */
    void need(float height) throws IOException {
        if (content == null || y - height < BOTTOM) {
            closePage();
            openPage();
        }
    }

    void gap(float height) {
        y -= height;
    }

    void rule() throws IOException {
        need(6);
        y -= 3;
        content.setStrokingColor(0.75f, 0.75f, 0.75f);
        content.setLineWidth(0.5f);
        content.moveTo(MARGIN, y);
        content.lineTo(MARGIN + WIDTH, y);
        content.stroke();
        y -= 3;
    }

    /** Draws an image scaled to fit the text width and at most {@code maxHeight} points high, never enlarged. */
    void image(PDImageXObject image, float indent, float maxHeight) throws IOException {
        float maxWidth = WIDTH - indent;
        float scale = Math.min(1f, Math.min(maxWidth / image.getWidth(), maxHeight / image.getHeight()));
        float width = image.getWidth() * scale;
        float height = image.getHeight() * scale;
        need(height + 4);
        y -= height + 2;
        content.drawImage(image, MARGIN + indent, y, width, height);
        y -= 2;
    }

    /**
     * Draws one table row: each cell wrapped within its column (widths in points from the left margin), the row as tall
     * as its tallest cell and kept on one page.
     */
    void row(List<String> cells, float[] columnWidths, TextStyle style) throws IOException {
        List<List<TextLine>> wrapped = new java.util.ArrayList<>(cells.size());
        int height = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<TextLine> lines = shaper.lines(cells.get(i), style.fonts(), (columnWidths[i] - 4f) * 1000f / style.size());
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        need(height * style.leading());
        float x = MARGIN + style.indent();
        for (int i = 0; i < wrapped.size(); i++) {
            float lineY = y;
            for (TextLine line : wrapped.get(i)) {
                lineY -= style.leading();
                draw(content, line, style, lineY, x);
            }
            x += columnWidths[i];
        }
        y -= height * style.leading();
    }

    /** Draws lines on a page already closed (the cover), top down from its top margin. */
    void drawOn(PDPage page, List<TextLine> lines, TextStyle style, float startBelowTop) throws IOException {
        try (PDPageContentStream cover = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
            float lineY = TOP - startBelowTop;
            for (TextLine line : lines) {
                lineY -= style.leading();
                draw(cover, line, style, lineY);
            }
        }
    }

    void finish() throws IOException {
        closePage();
    }

    private PDPage openPage() throws IOException {
        PDPage page = new PDPage(SIZE);
        document.addPage(page);
        pages++;
        pageBates = bates.take();
        content = new PDPageContentStream(document, page);
        draw(content, runningHead, SMALL, SIZE.getHeight() - 36f, MARGIN);
        draw(content, footer, SMALL, 30f, MARGIN);
        TextLine number = shaper.lines(pageBates, BATES.fonts(), Float.MAX_VALUE).get(0);
        draw(content, number, BATES, 30f, MARGIN + WIDTH - number.width() * BATES.size() / 1000f);
        y = TOP;
        return page;
    }

    private void closePage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private void draw(PDPageContentStream stream, TextLine line, TextStyle style, float lineY) throws IOException {
        float lineWidth = line.width() * style.size() / 1000f;
        float x = line.rightToLeft() ? MARGIN + WIDTH - lineWidth : MARGIN + style.indent();
        draw(stream, line, style, lineY, x);
    }

    private void draw(PDPageContentStream stream, TextLine line, TextStyle style, float lineY, float x) throws IOException {
        if (line.runs().isEmpty()) {
            return;
        }
        stream.setNonStrokingColor(style.grey(), style.grey(), style.grey());
        stream.beginText();
        stream.newLineAtOffset(x, lineY);
        float offset = 0;
        for (GlyphRun run : line.runs()) {
            if (offset != 0) {
                stream.newLineAtOffset(offset, 0);
            }
            stream.setFont(font(run.font()), style.size());
            stream.showText(run.text());
            offset = run.width() * style.size() / 1000f;
        }
        stream.endText();
    }

    private PDType0Font font(ShippedFont font) throws IOException {
        PDType0Font pdFont = loaded.get(font);
        if (pdFont == null) {
            pdFont = PDType0Font.load(document, fonts.font(font), true);
            loaded.put(font, pdFont);
        }
        return pdFont;
    }
}
