package org.imarchive.supervision.lexicon;

import org.imarchive.supervision.text.FoldedText;
import org.imarchive.supervision.text.WordPositions;

/** One part of a message being scanned: its folded text, and word positions computed only if a proximity rule asks. */
final class PartText {

    final String name;
    final FoldedText text;
    private WordPositions words;

    PartText(TextPart part) {
        this.name = part.name();
        this.text = FoldedText.of(part.text());
    }

    String folded() {
        return text.folded();
    }

    WordPositions words() {
        if (words == null) {
            words = WordPositions.of(text.folded());
        }
        return words;
    }
}
