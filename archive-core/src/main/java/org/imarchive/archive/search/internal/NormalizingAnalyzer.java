package org.imarchive.archive.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * {@link TextNormalizer} as a Lucene analyzer: the Lucene adapter indexes with it, and the query parser analyzes query
 * words with it for both adapters. Wildcard, fuzzy and range terms are folded but not split.
 */
public final class NormalizingAnalyzer extends Analyzer {

    private final boolean wholeValue;

    private NormalizingAnalyzer(boolean wholeValue) {
        this.wholeValue = wholeValue;
    }

    /** For word fields: splits into words and folds each. */
    public static NormalizingAnalyzer words() {
        return new NormalizingAnalyzer(false);
    }

    /** For keyword fields: folds the value as a whole. */
    public static NormalizingAnalyzer wholeValue() {
        return new NormalizingAnalyzer(true);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        if (wholeValue) {
            Tokenizer tokenizer = new KeywordTokenizer();
            return new TokenStreamComponents(tokenizer, new FoldingFilter(tokenizer));
        }
        return new TokenStreamComponents(new WordTokenizer());
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new FoldingFilter(in);
    }

    private static final class WordTokenizer extends Tokenizer {
        /** Lucene keeps one tokenizer per thread and field, so its read buffers outlive a document unless one was huge. */
        private static final int KEPT_TEXT_CAPACITY = 64 * 1024;
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final char[] readBuffer = new char[4096];
        private StringBuilder text = new StringBuilder();
        private List<Token> tokens = List.of();
        private int next;
        private int finalOffset;

        @Override
        public void reset() throws IOException {
            super.reset();
            String text = readAll(input);
            tokens = TextNormalizer.tokenize(text);
            next = 0;
            finalOffset = correctOffset(text.length());
        }

        @Override
        public boolean incrementToken() {
            clearAttributes();
            if (next >= tokens.size()) {
                return false;
            }
            Token token = tokens.get(next++);
            term.setEmpty().append(token.term());
            offset.setOffset(correctOffset(token.start()), correctOffset(token.end()));
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(finalOffset, finalOffset);
        }

        private String readAll(Reader reader) throws IOException {
            if (text.capacity() > KEPT_TEXT_CAPACITY) {
                text = new StringBuilder();
            }
            text.setLength(0);
            for (int read = reader.read(readBuffer); read != -1; read = reader.read(readBuffer)) {
                text.append(readBuffer, 0, read);
            }
            return text.toString();
        }
    }

    private static final class FoldingFilter extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        FoldingFilter(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String folded = TextNormalizer.fold(term.toString());
            term.setEmpty().append(folded);
            return true;
        }
    }
}
