package org.imarchive.bench.production;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;
import org.imarchive.production.pdf.FontTables;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * Raw PDFBox writing the pages our engine writes for the same messages, with none of its machinery, so the ratio
 * measures our overhead and not different work: the same strings in the same styles (font, size, grey, indent), the
 * same page geometry, running head, footer, right-aligned Bates number, rules between messages, cover page (reserved
 * first, drawn last with the counts), PDF/A-2b marking (XMP, sRGB output intent, document id), each character in the
 * same fallback font, one subset-embedded PDF per conversation.
 * <p>
 * What raw PDFBox cannot do and the engine does at run time for any text is done here once, before timing, for the
 * few generated texts: Arabic shaping and bidi reordering. Lines are filled greedily, breaking after spaces and
 * between CJK characters, with advance widths from the fonts; the generated right-to-left texts fit on one line.
 */
final class RawPdfBoxBaseline implements AutoCloseable {
    private static final PDRectangle SIZE = PDRectangle.A4;
    private static final float MARGIN = 50f;
    private static final float TOP = SIZE.getHeight() - 56f;
    private static final float BOTTOM = 58f;
    private static final float WIDTH = SIZE.getWidth() - 2 * MARGIN;

    private static final String SANS = "NotoSans-Regular.ttf";
    private static final String SANS_BOLD = "NotoSans-Bold.ttf";
    private static final String ARABIC = "NotoSansArabic-Regular.ttf";
    private static final String HEBREW = "NotoSansHebrew-Regular.ttf";
    private static final String CHINESE = "NotoSansSC-Regular.ttf";
    private static final String JAPANESE = "NotoSansJP-Regular.ttf";
    private static final String EMOJI = "NotoEmoji-Regular.ttf";
    private static final String[] REGULAR_ORDER = {SANS, ARABIC, HEBREW, CHINESE, JAPANESE, EMOJI};
    private static final String[] JAPANESE_ORDER = {SANS, ARABIC, HEBREW, JAPANESE, CHINESE, EMOJI};
    private static final String[] BOLD_ORDER = {SANS_BOLD, ARABIC, HEBREW, CHINESE, JAPANESE, EMOJI};

    /** The engine's text styles: fallback order, size, grey, indent. */
    private record Style(String[] order, float size, float grey, float indent) {
        float leading() {
            return size * 1.35f;
        }
    }

    private static final Style HEADING = new Style(BOLD_ORDER, 9.5f, 0f, 0f);
    private static final Style META = new Style(REGULAR_ORDER, 7.5f, 0.35f, 12f);
    private static final Style BODY = new Style(REGULAR_ORDER, 10f, 0f, 12f);
    private static final Style QUOTE = new Style(REGULAR_ORDER, 8.5f, 0.4f, 24f);
    private static final Style NOTE = new Style(BOLD_ORDER, 8.5f, 0.2f, 12f);
    private static final Style TITLE = new Style(BOLD_ORDER, 16f, 0f, 0f);
    private static final Style COVER = new Style(REGULAR_ORDER, 10.5f, 0f, 0f);
    private static final Style SMALL = new Style(REGULAR_ORDER, 7.5f, 0.35f, 0f);
    private static final Style BATES = new Style(BOLD_ORDER, 10f, 0f, 0f);

    private static final String SRGB = "sRGB IEC61966-2.1";
    private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    private static final String PRODUCER = "IMArchive production engine (Apache PDFBox)";

    private record Glyph(String font, float width) {
    }

    private record Run(String font, String text, float width) {
    }

    private record Line(List<Run> runs, float width, boolean rightToLeft) {
    }

    private final Map<String, TrueTypeFont> fonts = new HashMap<>();
    private final Map<String, CmapLookup> cmaps = new HashMap<>();
    /** Each fallback order's choice per character (BMP; the generated texts' emoji are looked up in a map). */
    private final Map<String[], Glyph[]> glyphs = new HashMap<>();
    private final Map<String[], Map<Integer, Glyph>> supplementaryGlyphs = new HashMap<>();
    /** Shaped and reordered generated texts: as a right-to-left paragraph of their own, and inside a left-to-right one. */
    private final Map<String, String> visualRightToLeft = new HashMap<>();
    private final Map<String, String> visualInLeftToRight = new HashMap<>();
    private final ZoneId firmZone;
    private final DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private final DateTimeFormatter local;
    private final String matter;
    private final String productionId;
    private final Instant createdAt;
    private long pages;
    private long sequence;

    RawPdfBoxBaseline(String matter, String productionId, ZoneId firmZone, Instant createdAt) throws IOException {
        this.matter = matter;
        this.productionId = productionId;
        this.firmZone = firmZone;
        this.createdAt = createdAt;
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT).withZone(firmZone);
        for (String file : new String[]{SANS, SANS_BOLD, ARABIC, HEBREW, CHINESE, JAPANESE, EMOJI}) {
            TrueTypeFont ttf = parse(file);
            fonts.put(file, ttf);
            cmaps.put(file, ttf.getUnicodeCmapLookup());
        }
        for (String[] order : new String[][]{REGULAR_ORDER, JAPANESE_ORDER, BOLD_ORDER}) {
            glyphs.put(order, new Glyph[Character.MAX_VALUE + 1]);
            supplementaryGlyphs.put(order, new HashMap<>());
        }
        for (String[] sample : SyntheticArchive.TEXTS) {
            for (String text : new String[]{sample[1], SyntheticArchive.edited(sample[1])}) {
                if (Bidi.requiresBidi(text.toCharArray(), 0, text.length())) {
                    visualRightToLeft.put(text, reorder(text, (byte) 1));
                    visualInLeftToRight.put(text, reorder(text, (byte) 0));
                }
            }
        }
    }

    private static TrueTypeFont parse(String file) {
        try (InputStream in = RawPdfBoxBaseline.class.getResourceAsStream("/fonts/" + file)) {
            // the same font bytes the engine embeds: GSUB hidden (FontTables says why)
            return new TTFParser().parse(new RandomAccessReadBuffer(FontTables.hide(in.readAllBytes(), "GSUB")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reorder(String logical, byte level) {
        String shaped;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL | ArabicShaping.LENGTH_GROW_SHRINK)
                    .shape(logical);
        } catch (ArabicShapingException e) {
            throw new IllegalStateException(e);
        }
        Bidi bidi = new Bidi();
        bidi.setPara(shaped, level, null);
        return bidi.writeReordered(Bidi.DO_MIRRORING | Bidi.REMOVE_BIDI_CONTROLS);
    }

    long pages() {
        return pages;
    }

    /** One conversation's transcript, as the engine lays it out for the same generated messages. */
    void conversation(int c, int messages, OutputStream out) throws IOException {
        try (Document document = new Document()) {
            StoredMessage first = SyntheticArchive.message(c, 0);
            String title = first.key().platform().wireName() + " chat " + first.original().orElseThrow().platformConversationId();
            String conversationId = first.conversationId();
            document.footer = lines("Matter: " + matter + "  ·  Production " + productionId, SMALL, WIDTH * 0.8f).get(0);
            document.runningHead = lines("Transcript of " + title + "  ·  conversation " + conversationId, SMALL, WIDTH * 0.8f).get(0);
            PDPage cover = document.openPage();
            document.closePage();
            TreeSet<String> participants = new TreeSet<>();
            Map<String, String> excerpts = new HashMap<>();
            int edits = 0;
            int deletions = 0;
            Instant firstSent = null;
            Instant lastSent = null;
            for (int m = 0; m < messages; m++) {
                StoredMessage message = m == 0 ? first : SyntheticArchive.message(c, m);
                ArchivedMessage original = message.original().orElseThrow();
                sequence++;
                participants.add(label(original.sender()));
                original.recipients().forEach(r -> participants.add(label(r)));
                firstSent = firstSent == null || original.sentAt().isBefore(firstSent) ? original.sentAt() : firstSent;
                lastSent = lastSent == null || original.sentAt().isAfter(lastSent) ? original.sentAt() : lastSent;

                document.need(HEADING.leading() + META.leading() * 2 + BODY.leading());
                document.y -= 4;
                document.text(lines("#" + sequence + "  " + label(original.sender()) + "  ·  " + original.direction().wireName()
                        + "  ·  " + message.key().platform().wireName() + " via " + original.channel().wireName(), HEADING), HEADING);
                document.text(lines("Sent " + both(original.sentAt()) + "  ·  to " + label(original.recipients().get(0))
                        + "  ·  archive id " + message.messageId() + "  ·  platform id " + message.key().platformMessageId(), META), META);
                if (original.replyToPlatformMessageId() != null) {
                    String excerpt = excerpts.get(original.replyToPlatformMessageId());
                    int colon = excerpt.indexOf(": ") + 2;
                    String text = excerpt.substring(colon);
                    document.text(lines("In reply to " + excerpt.substring(0, colon) + visualInLeftToRight.getOrDefault(text, text), QUOTE), QUOTE);
                }
                List<StoredRecord> versions = message.versions();
                String current = "";
                for (int v = 0; v < versions.size(); v++) {
                    StoredRecord version = versions.get(v);
                    if (versions.size() > 1) {
                        boolean edit = version.record() instanceof MessageEdit;
                        Instant at = version.record() instanceof MessageEdit e ? e.editedAt() : original.sentAt();
                        document.text(lines("Version " + (v + 1) + " of " + versions.size() + (edit ? ", edited " : ", original, sent ")
                                + both(at), NOTE), NOTE);
                    }
                    current = StoredMessage.contentOf(version).text();
                    document.text(body(current), BODY);
                }
                edits += versions.size() - 1;
                if (message.deletion().isPresent()) {
                    deletions++;
                    document.text(lines("Deleted on the platform " + both(message.deletion().get().deletedAt())
                            + ". The archive keeps every version shown above.", NOTE), NOTE);
                }
                List<DeliveryEvent> deliveries = message.deliveries();
                if (!deliveries.isEmpty()) {
                    StringBuilder line = new StringBuilder("Delivery: ");
                    for (int d = 0; d < deliveries.size(); d++) {
                        line.append(d == 0 ? "" : "  ·  ").append(deliveries.get(d).status()).append(' ').append(utc.format(deliveries.get(d).at()));
                    }
                    document.text(lines(line.toString(), META), META);
                }
                document.rule();
                excerpts.put(message.key().platformMessageId(), label(original.sender()) + ": " + current);
            }
            document.closePage();
            List<Line> coverLines = new ArrayList<>();
            for (String field : List.of(
                    "Matter: " + matter,
                    "Requested by: bench",
                    "Selection: generated",
                    "Production: " + productionId + ", made " + both(createdAt),
                    "Conversation: " + conversationId,
                    "Participants: " + String.join("; ", participants),
                    "Messages: " + messages + "  ·  edits: " + edits + "  ·  deleted on the platform: " + deletions + "  ·  attachments: 0",
                    "First message: " + both(firstSent),
                    "Last message: " + both(lastSent),
                    "Times are shown in UTC and in the firm's time zone, " + firmZone.getId() + ".",
                    "Pages: " + document.pages + " including this cover.",
                    "",
                    "Integrity: every file of this production, this PDF included, is listed with its SHA-256 in manifest.json, "
                            + "and every file with manifest.json in SHA256SUMS. The SHA-256 of manifest.json is entered in the "
                            + "archive's hash-chained ledger. A PDF cannot contain the hash of the production that holds it, so "
                            + "that hash is in the manifest and the ledger, not here.")) {
                coverLines.addAll(lines(field, COVER));
            }
            try (PDPageContentStream content = new PDPageContentStream(document.pdf, cover, PDPageContentStream.AppendMode.APPEND, true)) {
                float y = TOP;
                for (Line line : lines("Transcript of " + title, TITLE)) {
                    y -= TITLE.leading();
                    document.draw(content, line, TITLE, y, MARGIN);
                }
                y = TOP - TITLE.leading() * 2;
                for (Line line : coverLines) {
                    y -= COVER.leading();
                    document.draw(content, line, COVER, y, MARGIN);
                }
            }
            markPdfA(document.pdf, "Transcript of " + title, productionId + "|" + conversationId);
            document.pdf.save(out);
            pages += document.pages;
        }
    }

    private String both(Instant time) {
        return utc.format(time) + " (" + local.format(time) + " " + firmZone.getId() + ")";
    }

    private static String label(Participant participant) {
        return participant.displayName() + " (" + participant.platformId() + ")";
    }

    /** A message text: generated right-to-left texts come shaped and reordered, and go to the right margin. */
    private List<Line> body(String text) {
        String visual = visualRightToLeft.get(text);
        if (visual == null) {
            return lines(text, BODY);
        }
        Line line = lines(visual, BODY).get(0);
        return List.of(new Line(line.runs(), line.width(), true));
    }

    private List<Line> lines(String text, Style style) {
        return lines(text, style, WIDTH - style.indent());
    }

    /** Greedy fill at break opportunities; widths in thousandths of the font size, as PDF fonts measure them. */
    private List<Line> lines(String text, Style style, float widthInPoints) {
        float maxWidth = widthInPoints * 1000f / style.size();
        String[] order = style.order() == REGULAR_ORDER && hasKana(text) ? JAPANESE_ORDER : style.order();
        int[] codePoints = text.codePoints().toArray();
        Glyph[] table = glyphs.get(order);
        Glyph[] chosen = new Glyph[codePoints.length];
        for (int i = 0; i < codePoints.length; i++) {
            int codePoint = codePoints[i];
            Glyph glyph = codePoint < table.length ? table[codePoint] : null;
            if (glyph == null) {
                glyph = glyph(codePoint, order);
                if (codePoint < table.length) {
                    table[codePoint] = glyph;
                }
            }
            chosen[i] = glyph;
        }
        List<Line> lines = new ArrayList<>();
        int start = 0;
        int lastBreak = -1;
        float width = 0;
        for (int i = 0; i < codePoints.length; i++) {
            boolean space = codePoints[i] == ' ';
            if (i > start && !space && (codePoints[i - 1] == ' ' || isCjk(chosen[i - 1]) || isCjk(chosen[i]))) {
                lastBreak = i;
            }
            if (!space && width + chosen[i].width() > maxWidth && lastBreak > start) {
                lines.add(line(codePoints, chosen, start, lastBreak));
                start = lastBreak;
                width = 0;
                for (int j = start; j < i; j++) {
                    width += chosen[j].width();
                }
            }
            width += chosen[i].width();
        }
        lines.add(line(codePoints, chosen, start, codePoints.length));
        return lines;
    }

    private Line line(int[] codePoints, Glyph[] chosen, int start, int end) {
        while (end > start && codePoints[end - 1] == ' ') {
            end--;
        }
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        String font = null;
        float runWidth = 0;
        float total = 0;
        for (int i = start; i < end; i++) {
            if (!chosen[i].font().equals(font) && run.length() > 0) {
                runs.add(new Run(font, run.toString(), runWidth));
                run.setLength(0);
                runWidth = 0;
            }
            font = chosen[i].font();
            run.appendCodePoint(codePoints[i]);
            runWidth += chosen[i].width();
            total += chosen[i].width();
        }
        if (run.length() > 0) {
            runs.add(new Run(font, run.toString(), runWidth));
        }
        return new Line(runs, total, false);
    }

    private Glyph glyph(int codePoint, String[] order) {
        return supplementaryGlyphs.get(order).computeIfAbsent(codePoint, cp -> {
            for (String font : order) {
                int gid = cmaps.get(font).getGlyphId(cp);
                if (gid > 0) {
                    try {
                        return new Glyph(font, fonts.get(font).getAdvanceWidth(gid) * 1000f / fonts.get(font).getUnitsPerEm());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            throw new IllegalStateException("the generated texts use U+" + Integer.toHexString(cp) + ", which no shipped font has");
        });
    }

    private static boolean isCjk(Glyph glyph) {
        return glyph.font().equals(CHINESE) || glyph.font().equals(JAPANESE);
    }

    private static boolean hasKana(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x3040 && c <= 0x30FF) {
                return true;
            }
        }
        return false;
    }

    private void markPdfA(PDDocument document, String title, String identity) throws IOException {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        calendar.setTimeInMillis(createdAt.toEpochMilli() / 1000 * 1000);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        info.setCreationDate(calendar);
        info.setModificationDate(calendar);
        String date = createdAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String xmp = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
                + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + title + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "   <pdf:Producer>" + PRODUCER + "</pdf:Producer>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp.getBytes(StandardCharsets.UTF_8));
        document.getDocumentCatalog().setMetadata(metadata);
        PDOutputIntent intent = new PDOutputIntent(document, new ByteArrayInputStream(SRGB_PROFILE));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        document.getDocumentCatalog().addOutputIntent(intent);
        byte[] id;
        try {
            id = Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    /** One PDF being written: its pages, the open content stream and the fonts loaded into it. */
    private final class Document implements AutoCloseable {
        final PDDocument pdf = new PDDocument();
        final Map<String, PDType0Font> loaded = new HashMap<>();
        Line footer;
        Line runningHead;
        PDPageContentStream content;
        float y;
        int pages;

        PDPage openPage() throws IOException {
            PDPage page = new PDPage(SIZE);
            pdf.addPage(page);
            pages++;
            content = new PDPageContentStream(pdf, page);
            draw(content, runningHead, SMALL, SIZE.getHeight() - 36f, MARGIN);
            draw(content, footer, SMALL, 30f, MARGIN);
            String digits = Long.toString(RawPdfBoxBaseline.this.pages + pages);
            Line number = lines("BENCH" + "0".repeat(7 - digits.length()) + digits, BATES, Float.MAX_VALUE / 1000).get(0);
            draw(content, number, BATES, 30f, MARGIN + WIDTH - number.width() * BATES.size() / 1000f);
            y = TOP;
            return page;
        }

        void closePage() throws IOException {
            if (content != null) {
                content.close();
                content = null;
            }
        }

        void need(float height) throws IOException {
            if (content == null || y - height < BOTTOM) {
                closePage();
                openPage();
            }
        }

        void text(List<Line> lines, Style style) throws IOException {
            for (Line line : lines) {
                need(style.leading());
                y -= style.leading();
                float lineWidth = line.width() * style.size() / 1000f;
                draw(content, line, style, y, line.rightToLeft() ? MARGIN + WIDTH - lineWidth : MARGIN + style.indent());
            }
        }

        void rule() throws IOException {
            need(6);
            y -= 3;
            content.setStrokingColor(0.75f, 0.75f, 0.75f);
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
            y -= 3;
        }

        void draw(PDPageContentStream stream, Line line, Style style, float lineY, float x) throws IOException {
            if (line.runs().isEmpty()) {
                return;
            }
            stream.setNonStrokingColor(style.grey(), style.grey(), style.grey());
            stream.beginText();
            stream.newLineAtOffset(x, lineY);
            float offset = 0;
            for (Run run : line.runs()) {
                if (offset != 0) {
                    stream.newLineAtOffset(offset, 0);
                }
                stream.setFont(font(run.font()), style.size());
                stream.showText(run.text());
                offset = run.width() * style.size() / 1000f;
            }
            stream.endText();
        }

        private PDType0Font font(String file) throws IOException {
            PDType0Font font = loaded.get(file);
            if (font == null) {
                font = PDType0Font.load(pdf, fonts.get(file), true);
                loaded.put(file, font);
            }
            return font;
        }

        @Override
        public void close() throws IOException {
            pdf.close();
        }
    }

    @Override
    public void close() throws IOException {
        for (TrueTypeFont font : fonts.values()) {
            font.close();
        }
    }
}
