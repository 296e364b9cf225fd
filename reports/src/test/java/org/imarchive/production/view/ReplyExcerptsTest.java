package org.imarchive.production.view;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplyExcerptsTest {
    @Test
    void anExcerptIsOneLineWithEachRunOfWhiteSpaceAsOneSpace() {
        ReplyExcerpts excerpts = new ReplyExcerpts();

        excerpts.remember("m1", "Anna", "  first line\r\n\tsecond  line \f third\u000Bfourth ");
        excerpts.remember("m2", "Ben", "already one line");

        assertEquals(Optional.of("Anna: first line second line third fourth"), excerpts.of("m1"));
        assertEquals(Optional.of("Ben: already one line"), excerpts.of("m2"));
    }

    @Test
    void aLongTextIsCutAfter160Characters() {
        ReplyExcerpts excerpts = new ReplyExcerpts();

        excerpts.remember("m1", "Anna", "word ".repeat(100));

        assertEquals("Anna: " + "word ".repeat(32).substring(0, 160) + "…", excerpts.of("m1").orElseThrow());
    }
}
