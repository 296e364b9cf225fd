package org.imarchive.production.pdf;

/** How a block of transcript text looks: font order, size in points, grey level (0 black) and left indent. */
record TextStyle(TranscriptFonts.Style fonts, float size, float grey, float indent) {
    static final TextStyle HEADING = new TextStyle(TranscriptFonts.Style.BOLD, 9.5f, 0f, 0f);
    static final TextStyle META = new TextStyle(TranscriptFonts.Style.REGULAR, 7.5f, 0.35f, 12f);
    static final TextStyle BODY = new TextStyle(TranscriptFonts.Style.REGULAR, 10f, 0f, 12f);
    static final TextStyle QUOTE = new TextStyle(TranscriptFonts.Style.REGULAR, 8.5f, 0.4f, 24f);
    static final TextStyle NOTE = new TextStyle(TranscriptFonts.Style.BOLD, 8.5f, 0.2f, 12f);
    static final TextStyle TITLE = new TextStyle(TranscriptFonts.Style.BOLD, 16f, 0f, 0f);
    static final TextStyle COVER = new TextStyle(TranscriptFonts.Style.REGULAR, 10.5f, 0f, 0f);

    float leading() {
        return size * 1.35f;
    }
}
