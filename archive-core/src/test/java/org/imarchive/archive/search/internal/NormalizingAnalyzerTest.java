package org.imarchive.archive.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NormalizingAnalyzerTest {

    @Test
    void aReusedTokenizerSeesOnlyItsOwnDocumentAfterALongerOne() throws IOException {
        try (Analyzer analyzer = NormalizingAnalyzer.words()) {
            String longText = "Überweisung ".repeat(10_000);
            assertThat(terms(analyzer, longText)).hasSize(10_000).allMatch("uberweisung"::equals);

            assertThat(terms(analyzer, "Call me")).containsExactly("call", "me");
            assertThat(terms(analyzer, "ok")).containsExactly("ok");
        }
    }

    @Test
    void offsetsPointIntoTheOriginalText() throws IOException {
        try (Analyzer analyzer = NormalizingAnalyzer.words()) {
            String text = "see Kontoauszug-März";
            try (TokenStream stream = analyzer.tokenStream("text", text)) {
                OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
                stream.reset();
                List<String> spans = new ArrayList<>();
                while (stream.incrementToken()) {
                    spans.add(text.substring(offset.startOffset(), offset.endOffset()));
                }
                stream.end();
                assertThat(spans).containsExactly("see", "Kontoauszug", "März");
                assertThat(offset.endOffset()).isEqualTo(text.length());
            }
        }
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
