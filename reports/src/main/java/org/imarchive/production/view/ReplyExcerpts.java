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
        String oneLine = text.strip().replaceAll("\\s+", " ");
        if (oneLine.length() > EXCERPT_LENGTH) {
            int cut = Character.isLowSurrogate(oneLine.charAt(EXCERPT_LENGTH)) ? EXCERPT_LENGTH - 1 : EXCERPT_LENGTH;
            oneLine = oneLine.substring(0, cut) + "…";
        }
        excerpts.put(platformMessageId, senderLabel + ": " + oneLine);
    }

    public Optional<String> of(String platformMessageId) {
        return Optional.ofNullable(excerpts.get(platformMessageId));
    }
}
