package org.imarchive.gateway.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A text cut into the pieces a page shows plain or marked: the spans a lexicon matched, by their recorded offsets.
 * Overlapping spans merge into one mark that names every rule; a span outside the text (a hit of another version) is
 * ignored rather than trusted.
 */
public final class HighlightedText {

    private HighlightedText() {
    }

    /** @param label what the mark says when pointed at: the policy and rule that matched */
    public record Span(int start, int end, String label) {
    }

    /** @param label null for plain text */
    public record Segment(String text, String label) {
        public boolean marked() {
            return label != null;
        }
    }

    /**
     * The segments of a search highlight: the index returns HTML-escaped text whose only markup is {@code <em>}
     * around matched words. Read back into plain segments, it is escaped again by the template like any other text,
     * so no markup from the archive ever reaches a page unescaped.
     */
    public static List<Segment> ofSearchFragment(String fragment) {
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        while (position < fragment.length()) {
            int open = fragment.indexOf("<em>", position);
            if (open < 0) {
                segments.add(new Segment(unescape(fragment.substring(position)), null));
                break;
            }
            int close = fragment.indexOf("</em>", open);
            if (close < 0) {
                segments.add(new Segment(unescape(fragment.substring(position)), null));
                break;
            }
            if (open > position) {
                segments.add(new Segment(unescape(fragment.substring(position, open)), null));
            }
            segments.add(new Segment(unescape(fragment.substring(open + 4, close)), "search match"));
            position = close + 5;
        }
        return segments;
    }

    public static List<Segment> of(String text, List<Span> spans) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Span> valid = spans.stream()
                .filter(span -> span.start() >= 0 && span.end() <= text.length() && span.start() < span.end())
                .sorted(Comparator.comparingInt(Span::start).thenComparingInt(Span::end))
                .toList();
        List<Segment> segments = new ArrayList<>();
        int position = 0;
        int index = 0;
        while (index < valid.size()) {
            Span first = valid.get(index);
            int end = first.end();
            StringBuilder label = new StringBuilder(first.label());
            index++;
            while (index < valid.size() && valid.get(index).start() < end) {
                end = Math.max(end, valid.get(index).end());
                if (!label.toString().contains(valid.get(index).label())) {
                    label.append("; ").append(valid.get(index).label());
                }
                index++;
            }
            int start = Math.max(first.start(), position);
            if (start > position) {
                segments.add(new Segment(text.substring(position, start), null));
            }
            segments.add(new Segment(text.substring(start, end), label.toString()));
            position = end;
        }
        if (position < text.length()) {
            segments.add(new Segment(text.substring(position), null));
        }
        return segments;
    }

    private static String unescape(String escaped) {
        return escaped.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
