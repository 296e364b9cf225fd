package org.imarchive.retention.hold;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The query port for tests: a query is one word, and a record matches when its text contains it. Records whose text
 * it was never told are treated as the port's contract says: not known yet, so they match.
 */
public final class InMemoryHoldQueryMatcher implements HoldQueryMatcher {

    private final Map<String, String> textByMessageId = new HashMap<>();
    private int questions;

    public InMemoryHoldQueryMatcher text(String messageId, String text) {
        textByMessageId.put(messageId, text.toLowerCase(Locale.ROOT));
        return this;
    }

    @Override
    public boolean matches(String query, RecordFacts record) {
        questions++;
        String text = textByMessageId.get(record.messageId());
        return text == null || text.contains(query.toLowerCase(Locale.ROOT));
    }

    public int questions() {
        return questions;
    }
}
