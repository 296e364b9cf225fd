package org.imarchive.production.report;

import org.imarchive.production.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The report PDFs read with poppler: the figures and text in every script are there, each page numbered, every font embedded. */
class ReportPdfTest {
    @TempDir
    Path dir;

    @Test
    void supervisionPdfShowsTheFiguresOnNumberedPages() throws Exception {
        try (OutputStream out = Files.newOutputStream(dir.resolve("supervision.pdf"))) {
            ReportPdf.supervision(KnownPeriod.supervision(), out);
        }
        String text = ExternalTool.run(dir, "pdftotext", "-enc", "UTF-8", "-layout", "supervision.pdf", "-");

        assertThat(text).contains("Supervision report", "2026-11-01 to 2026-11-30 inclusive, in America/New_York",
                "Messages captured: 10", "approved accounts gone quiet: 2", "lexicon hits: 6", "SUP0001");
        assertThat(text).containsPattern("whatsapp\\s+\\+15550001111\\s+rm-anna\\s+yes\\s+3\\s+2\\s+5");
        assertThat(text).containsPattern("rex\\s+0\\s+1\\s+0\\s+2\\s+2");
        assertThat(text).containsPattern("total\\s+3\\s+2\\s+2\\s+4\\s+2");
        assertThat(text).contains("Review SLA: 3 days", "2026-10-15 12:00:00 UTC (2026-10-15 08:00:00 -04:00");
        assertEveryFontEmbedded("supervision.pdf");
    }

    @Test
    void retentionPdfListsTheHoldsInAnyScript() throws Exception {
        try (OutputStream out = Files.newOutputStream(dir.resolve("retention.pdf"))) {
            ReportPdf.retention(KnownPeriod.retention(), out);
        }
        String text = ExternalTool.run(dir, "pdftotext", "-enc", "UTF-8", "retention.pdf", "-");

        assertThat(text).contains("Retention report", "Legal holds placed: 2", "in force at the period's end: 2", "released: 2",
                "Дело", "证券", "Müller", "RET0001", "=settled, no appeal", "query=insider; custodians=rm-anna",
                "Disposition certificates issued: 2", "records disposed: 5", "held back by legal holds: 3", "Erasure requests answered: 2",
                "DSAR-1", "DSAR-2", "erasure:e1");
        String fonts = assertEveryFontEmbedded("retention.pdf");
        assertThat(fonts).contains("NotoSansArabic", "NotoSansSC");
    }

    private String assertEveryFontEmbedded(String pdf) throws Exception {
        String fonts = ExternalTool.run(dir, "pdffonts", pdf);
        assertThat(fonts.lines().skip(2)).as(fonts).isNotEmpty()
                .allSatisfy(row -> assertThat(row).containsPattern("^[A-Z]{6}\\+\\S+\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes"));
        return fonts;
    }
}
