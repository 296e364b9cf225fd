package org.imarchive.archive.media;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.ContentHandler;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentTextExtractorTest {
    AttachmentTextExtractor extractor = new AttachmentTextExtractor(Duration.ofSeconds(30), 1024 * 1024, 100_000);

    @AfterEach
    void close() {
        extractor.close();
    }

    static ExtractedText extract(AttachmentTextExtractor extractor, byte[] content, long size) {
        return extractor.extract(new ByteArrayInputStream(content), size);
    }

    @Test
    void pdfTextIsExtracted() {
        byte[] pdf = SamplePdf.withText("Quarterly statement: guaranteed return of 8 percent");
        ExtractedText text = extract(extractor, pdf, pdf.length);
        assertThat(text.status()).isEqualTo(ExtractedText.Status.EXTRACTED);
        assertThat(text.detectedType()).isEqualTo("application/pdf");
        assertThat(text.text()).contains("guaranteed return of 8 percent");
        assertThat(text.truncated()).isFalse();
    }

    @Test
    void plainTextKeepsItsAccents() {
        byte[] note = "Grüße aus München: Rendite garantiert".getBytes(StandardCharsets.UTF_8);
        ExtractedText text = extract(extractor, note, note.length);
        assertThat(text.status()).isEqualTo(ExtractedText.Status.EXTRACTED);
        assertThat(text.detectedType()).startsWith("text/plain");
        assertThat(text.text()).isEqualTo("Grüße aus München: Rendite garantiert");
    }

    @Test
    void corruptFileIsRecordedUnreadable() {
        byte[] broken = SamplePdf.corrupt();
        ExtractedText text = extract(extractor, broken, broken.length);
        assertThat(text.status()).isEqualTo(ExtractedText.Status.UNREADABLE);
        assertThat(text.detectedType()).isEqualTo("application/pdf");
        assertThat(text.reason()).isNotBlank();
        assertThat(text.text()).isEmpty();
    }

    @Test
    void parseThatOverrunsItsDeadlineIsAbandoned() {
        try (AttachmentTextExtractor impatient = new AttachmentTextExtractor(new HangingParser(), Duration.ofMillis(300), 1024, 1000)) {
            long start = System.nanoTime();
            ExtractedText text = extract(impatient, "anything".getBytes(StandardCharsets.UTF_8), 8);
            assertThat(text.status()).isEqualTo(ExtractedText.Status.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void fileOverTheSizeLimitIsNotParsed() {
        try (AttachmentTextExtractor small = new AttachmentTextExtractor(Duration.ofSeconds(30), 100, 1000)) {
            byte[] big = "word ".repeat(200).getBytes(StandardCharsets.US_ASCII);
            assertThat(extract(small, big, big.length).status()).isEqualTo(ExtractedText.Status.TOO_LARGE);
            assertThat(extract(small, big, -1).status()).as("also when the size is not known beforehand")
                    .isEqualTo(ExtractedText.Status.TOO_LARGE);
        }
    }

    @Test
    void textIsCutAtTheCharacterLimit() {
        try (AttachmentTextExtractor brief = new AttachmentTextExtractor(Duration.ofSeconds(30), 1024 * 1024, 50)) {
            byte[] long_ = "compliance ".repeat(100).getBytes(StandardCharsets.US_ASCII);
            ExtractedText text = extract(brief, long_, long_.length);
            assertThat(text.status()).isEqualTo(ExtractedText.Status.EXTRACTED);
            assertThat(text.truncated()).isTrue();
            assertThat(text.text()).startsWith("compliance").hasSizeLessThanOrEqualTo(50);
        }
    }

    /** A parser stuck on a hostile file: it never finishes until interrupted. */
    static final class HangingParser implements Parser {
        @Override
        public Set<MediaType> getSupportedTypes(ParseContext context) {
            return Set.of(MediaType.OCTET_STREAM);
        }

        @Override
        public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
            try {
                Thread.sleep(Duration.ofMinutes(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
