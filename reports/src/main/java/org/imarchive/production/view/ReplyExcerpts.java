package org.imarchive.production.view;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The opening words of the conversation's recent messages by platform message id, so a reply or reaction can quote
 * what it answers without keeping the conversation in memory. Bounded: a reply to a message older than the last
 * {@link #CAPACITY} shows the id it answers, not a quote.
 */
public final class ReplyExcerpts {
    public static final int CAPACITY = 10_000;
    private static final int EXCERPT_LENGTH = 160;

    private final Map<String, String> excerpts = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CAPACITY;
        }
    };

    public void remember(String platformMessageId, String senderLabel, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String oneLine = oneLine(text.strip());
        if (oneLine.length() > EXCERPT_LENGTH) {
            int cut = Character.isLowSurrogate(oneLine.charAt(EXCERPT_LENGTH)) ? EXCERPT_LENGTH - 1 : EXCERPT_LENGTH;
            oneLine = oneLine.substring(0, cut) + "…";
        }
        excerpts.put(platformMessageId, senderLabel + ": " + oneLine);
    }

    /** Each run of ASCII white space (what a regular expression's {@code \s} matches) as one space, without a regex: it runs per message. */
    private static String oneLine(String text) {
        if (!needsCollapsing(text)) {
            return text;
        }
        StringBuilder line = new StringBuilder(text.length());
        boolean afterSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isSpace(c)) {
                line.append(c);
            } else if (!afterSpace) {
                line.append(' ');
            }
            afterSpace = isSpace(c);
        }
        return line.toString();
    }

    private static boolean needsCollapsing(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c) && (c != ' ' || i + 1 < text.length() && isSpace(text.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    public Optional<String> of(String platformMessageId) {
        return Optional.ofNullable(excerpts.get(platformMessageId));
    }
}
