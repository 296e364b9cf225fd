package org.imarchive.production.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.imarchive.production.BatesFormat;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;

/**
 * A report PDF (supervision, retention) written with the transcripts' fonts, shaping and page flow: text in any script
 * renders, fonts are embedded, every page carries a number and the footer, and the file is marked PDF/A-2b. Built top
 * to bottom: title, lines, headings, tables.
 */
public final class ReportDocument implements Closeable {
    private static final TextStyle CELL = new TextStyle(TranscriptFonts.Style.REGULAR, 8.5f, 0f, 0f);
    private static final TextStyle HEADER_CELL = new TextStyle(TranscriptFonts.Style.BOLD, 8.5f, 0f, 0f);

    private final PDDocument document = new PDDocument();
    private final PageFlow flow;
    private final String title;

    /**
     * @param pageNumbers how pages are numbered ({@code SUP0001}); a report is not part of a production, so its numbers
     *                    are its own
     */
    public ReportDocument(TranscriptFonts fonts, BatesFormat pageNumbers, String title, String footer) {
        this.title = title;
        this.flow = new PageFlow(document, fonts, new TextShaper(fonts), new BatesCounter(pageNumbers), footer, title);
    }

    public void title(String text) throws IOException {
        flow.text(text, TextStyle.TITLE);
        flow.gap(6);
    }

    public void line(String text) throws IOException {
        flow.text(text, TextStyle.COVER);
    }

    public void note(String text) throws IOException {
        flow.text(text, TextStyle.META);
    }

    /** A section heading, kept on the page with at least three lines after it. */
    public void heading(String text) throws IOException {
        flow.need(TextStyle.HEADING.leading() + 3 * CELL.leading() + 12);
        flow.gap(10);
        flow.text(text, TextStyle.HEADING);
        flow.rule();
    }

    /**
     * A table: the header row in bold, then the rows; {@code shares} divide the text width between the columns (they
     * are scaled to add up to it).
     */
    public void table(List<String> header, float[] shares, List<List<String>> rows) throws IOException {
        float total = 0;
        for (float share : shares) {
            total += share;
        }
        float[] widths = new float[shares.length];
        for (int i = 0; i < shares.length; i++) {
            widths[i] = PageFlow.WIDTH * shares[i] / total;
        }
        flow.row(header, widths, HEADER_CELL);
        for (List<String> row : rows) {
            flow.row(row, widths, CELL);
        }
    }

    public int pages() {
        return flow.pages();
    }

    /**
     * Marks the document PDF/A-2b and writes it; the stream stays open.
     *
     * @param identity what makes this report this report (kind, period, scope), from which its document id is derived
     */
    public void writeTo(OutputStream out, Instant created, String identity) throws IOException {
        flow.finish();
        PdfA.mark(document, title, created, identity);
        document.save(out);
    }

    @Override
    public void close() throws IOException {
        document.close();
    }
}
