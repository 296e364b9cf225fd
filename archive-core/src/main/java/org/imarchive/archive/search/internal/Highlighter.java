package org.imarchive.archive.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Marks the matched words in a hit's original text. It runs in Java on the stored original, with the same
 * normalization as the index, so both adapters mark the same words, and {@code Muller} marks {@code Müller}.
 * Text is HTML-escaped; only the {@code <em>} marks are markup.
 */
public final class Highlighter {

    /** A message up to this long is returned whole; a longer text (an attachment) as fragments around matches. */
    static final int WHOLE_TEXT_LIMIT = 400;
    private static final int CONTEXT_BEFORE = 60;
    private static final int CONTEXT_AFTER = 120;
    private static final int MAX_FRAGMENTS = 3;

    private Highlighter() {
    }

    /** Highlights for {@code text}, {@code attachmentText} and {@code attachmentNames}; fields without a match are absent. */
    public static Map<String, List<String>> highlight(HighlightTerms terms, StoredHit hit) {
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        if (terms.isEmpty()) {
            return highlights;
        }
        putIfAny(highlights, "text", fragments(terms, SearchFields.TEXT, hit.text()));
        putIfAny(highlights, "attachmentText", fragments(terms, SearchFields.ATTACHMENT, hit.attachmentText()));
        List<String> names = new ArrayList<>();
        for (String name : hit.attachmentNames()) {
            names.addAll(fragments(terms, SearchFields.ATTACHMENT, name));
        }
        putIfAny(highlights, "attachmentNames", names);
        return highlights;
    }

    private static void putIfAny(Map<String, List<String>> highlights, String key, List<String> fragments) {
        if (!fragments.isEmpty()) {
            highlights.put(key, List.copyOf(fragments));
        }
    }

    private static List<String> fragments(HighlightTerms terms, String field, String text) {
        List<Token> matched = TextNormalizer.tokenize(text).stream()
                .filter(token -> terms.matches(field, token.term()))
                .toList();
        if (matched.isEmpty()) {
            return List.of();
        }
        if (text.length() <= WHOLE_TEXT_LIMIT) {
            return List.of(mark(text, 0, text.length(), matched));
        }
        List<String> fragments = new ArrayList<>();
        int coveredUpTo = 0;
        for (Token token : matched) {
            if (token.start() < coveredUpTo) {
                continue;
            }
            int start = Math.max(coveredUpTo, wordStartBefore(text, token.start() - CONTEXT_BEFORE));
            int end = wordEndAfter(text, token.end() + CONTEXT_AFTER);
            fragments.add((start > 0 ? "…" : "") + mark(text, start, end, matched) + (end < text.length() ? "…" : ""));
            coveredUpTo = end;
            if (fragments.size() == MAX_FRAGMENTS) {
                break;
            }
        }
        return fragments;
    }

    private static String mark(String text, int start, int end, List<Token> matched) {
        StringBuilder out = new StringBuilder(end - start + 16);
        int at = start;
        for (Token token : matched) {
            if (token.start() < at || token.end() > end) {
                continue;
            }
            escape(text, at, token.start(), out);
            out.append("<em>");
            escape(text, token.start(), token.end(), out);
            out.append("</em>");
            at = token.end();
        }
        escape(text, at, end, out);
        return out.toString();
    }

    private static int wordStartBefore(String text, int offset) {
        if (offset <= 0) {
            return 0;
        }
        int space = text.lastIndexOf(' ', offset);
        return space < 0 ? offset : space + 1;
    }

    private static int wordEndAfter(String text, int offset) {
        if (offset >= text.length()) {
            return text.length();
        }
        int space = text.indexOf(' ', offset);
        return space < 0 ? text.length() : space;
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }
}
