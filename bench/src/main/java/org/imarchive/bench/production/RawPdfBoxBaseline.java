package org.imarchive.bench.production;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.production.pdf.FontTables;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Raw PDFBox writing what a transcript holds, with no layout logic: the same fonts (the same bytes: GSUB hidden), one PDF per conversation, the
 * same header, body, edit and delivery lines per message, each line in the one font its script needs, wrapped at a
 * fixed number of characters, a fixed number of lines per page, a footer with a number on every page.
 */
final class RawPdfBoxBaseline implements AutoCloseable {
    private static final float SIZE = 10f;
    private static final float LEADING = 13.5f;
    private static final int LINES_PER_PAGE = 54;
    private final Map<String, TrueTypeFont> fonts = new HashMap<>();
    private long pages;

    RawPdfBoxBaseline() throws IOException {
        for (String[] text : SyntheticArchive.TEXTS) {
            fonts.computeIfAbsent(text[0], RawPdfBoxBaseline::parse);
        }
        fonts.computeIfAbsent("NotoSans-Bold.ttf", RawPdfBoxBaseline::parse);
    }

    private static TrueTypeFont parse(String file) {
        try (InputStream in = RawPdfBoxBaseline.class.getResourceAsStream("/fonts/" + file)) {
            // the same font bytes the engine embeds: GSUB hidden (FontTables says why)
            return new TTFParser().parse(new RandomAccessReadBuffer(FontTables.hide(in.readAllBytes(), "GSUB")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    long pages() {
        return pages;
    }

    void conversation(int c, int messages, OutputStream out) throws IOException {
        try (PDDocument document = new PDDocument()) {
            Map<String, PDType0Font> loaded = new HashMap<>();
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[]{"NotoSans-Bold.ttf", "Transcript of conversation conv-" + c});
            for (int m = 0; m < messages; m++) {
                StoredMessage message = SyntheticArchive.message(c, m);
                var original = message.original().orElseThrow();
                String[] sample = SyntheticArchive.TEXTS[SyntheticArchive.textIndex(c, m)];
                lines.add(new String[]{"NotoSans-Bold.ttf", "#" + m + "  " + original.sender().displayName() + " (" + original.sender().platformId() + ")  ·  "
                        + original.direction().wireName() + "  ·  " + original.channel().wireName()});
                lines.add(new String[]{"NotoSans-Regular.ttf", "Sent " + original.sentAt() + "  ·  to " + original.recipients().get(0).platformId()
                        + "  ·  archive id " + message.messageId() + "  ·  platform id " + message.key().platformMessageId()});
                int width = sample[0].contains("SC") || sample[0].contains("JP") ? 45 : 90;
                for (int i = 0; i < sample[1].length(); i += width) {
                    lines.add(new String[]{sample[0], sample[1].substring(i, Math.min(sample[1].length(), i + width))});
                }
                if (message.versions().size() > 1) {
                    lines.add(new String[]{"NotoSans-Bold.ttf", "Version 2 of 2, edited"});
                    lines.add(new String[]{sample[0], sample[1]});
                }
                if (!message.deliveries().isEmpty()) {
                    lines.add(new String[]{"NotoSans-Regular.ttf", "Delivery: delivered, read"});
                }
            }
            PDPageContentStream content = null;
            int onPage = LINES_PER_PAGE;
            for (String[] line : lines) {
                if (onPage == LINES_PER_PAGE) {
                    if (content != null) {
                        content.close();
                    }
                    PDPage page = new PDPage(PDRectangle.A4);
                    document.addPage(page);
                    pages++;
                    content = new PDPageContentStream(document, page);
                    draw(content, font(document, loaded, "NotoSans-Regular.ttf"), 7.5f, 50, 30, "Matter: benchmark  ·  BENCH" + pages);
                    onPage = 0;
                }
                draw(content, font(document, loaded, line[0]), SIZE, 62, 785 - onPage * LEADING, line[1]);
                onPage++;
            }
            content.close();
            document.save(out);
        }
    }

    private PDType0Font font(PDDocument document, Map<String, PDType0Font> loaded, String file) throws IOException {
        PDType0Font font = loaded.get(file);
        if (font == null) {
            font = PDType0Font.load(document, fonts.get(file), true);
            loaded.put(file, font);
        }
        return font;
    }

    private static void draw(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text) throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    @Override
    public void close() throws IOException {
        for (TrueTypeFont font : fonts.values()) {
            font.close();
        }
    }
}
