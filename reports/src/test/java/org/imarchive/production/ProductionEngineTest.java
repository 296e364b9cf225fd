package org.imarchive.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.support.Sha256;
import org.imarchive.production.manifest.ManifestWriter;
import org.imarchive.production.manifest.ProductionManifest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Produces the mixed archive once and checks the ZIP with independent readers and tools. */
class ProductionEngineTest {
    private static final BatesFormat BATES = new BatesFormat("TEST", 41, 6);

    @TempDir
    static Path dir;
    static MixedArchive archive;
    static ProductionResult result;
    static Path zip;
    static Path unzipped;

    @BeforeAll
    static void produce() throws IOException {
        archive = new MixedArchive();
        zip = dir.resolve("production.zip");
        ProductionRequest request = new ProductionRequest("0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "SEC v. Example (2025-17)",
                "Jane Counsel", "all conversations of +41440000000 and biz-42, March 2025", ZoneId.of("Europe/Zurich"), BATES,
                EnumSet.allOf(ProductionFormat.class), Instant.parse("2025-04-01T12:00:00Z"));
        List<long[]> progress = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(zip)) {
            result = new ProductionEngine(archive.blobSource(), archive::extractedText, dir.resolve("scratch"))
                    .produce(request, archive.input(), out, (c, m, p) -> progress.add(new long[]{c, m, p}));
        }
        assertThat(progress).hasSize(2);
        unzipped = dir.resolve("unzipped");
        unzip(zip, unzipped);
    }

    @Test
    void sha256sumCheckPassesOnTheUnpackedProduction() throws Exception {
        String output = ExternalTool.run(unzipped, "sha256sum", "-c", "SHA256SUMS");
        assertThat(output).contains("manifest.json: OK").doesNotContain("FAILED");
        assertThat(output.lines().count()).isEqualTo(result.files() - 1);
    }

    @Test
    void pdftotextFindsEveryMessageAndOneBatesNumberPerPageInOrder() throws Exception {
        List<String> pages = new ArrayList<>();
        for (Path pdf : pdfs()) {
            String text = ExternalTool.run(unzipped, "pdftotext", "-enc", "UTF-8", unzipped.relativize(pdf).toString(), "-");
            List<String> pdfPages = new ArrayList<>(List.of(text.split("\f", -1)));
            pdfPages.remove(pdfPages.size() - 1); // pdftotext ends the last page with a form feed too
            pages.addAll(pdfPages);
        }
        assertThat(pages).hasSize((int) result.pages());
        for (int i = 0; i < pages.size(); i++) {
            assertThat(pages.get(i)).as("page %d", i).contains(BATES.format(BATES.start() + i));
            assertThat(pages.get(i)).contains("SEC v. Example (2025-17)");
        }
        String all = Normalizer.normalize(String.join("\n", pages), Normalizer.Form.NFKC);
        for (String text : List.of(MixedArchive.LATIN, MixedArchive.CYRILLIC, MixedArchive.GREEK, MixedArchive.CHINESE,
                MixedArchive.JAPANESE, MixedArchive.EMOJI, MixedArchive.EDITED_FIRST, MixedArchive.EDITED_SECOND,
                MixedArchive.DELETED_TEXT, MixedArchive.DOCUMENT_TEXT, "❤", archive.pngSha256, "Deleted on the platform")) {
            assertThat(all).as("transcripts contain " + text).contains(Normalizer.normalize(text, Normalizer.Form.NFKC));
        }
        // right-to-left lines are drawn in visual order (reordered by us, PDFBox does not); pdftotext may or may not
        // put them back into logical order, so accept either, after undoing Arabic presentation forms (NFKC)
        for (String rtl : List.of(MixedArchive.ARABIC, MixedArchive.HEBREW)) {
            String logical = Normalizer.normalize(rtl, Normalizer.Form.NFKC);
            String reversed = new StringBuilder(logical).reverse().toString();
            assertThat(all.contains(logical) || all.contains(reversed)).as("transcripts contain " + rtl + " in logical or visual order").isTrue();
        }
        assertThat(result.firstBates()).isEqualTo("TEST000041");
        assertThat(result.lastBates()).isEqualTo(BATES.format(41 + result.pages() - 1));
    }

    @Test
    void pdffontsShowsEveryFontEmbedded() throws Exception {
        for (Path pdf : pdfs()) {
            String fonts = ExternalTool.run(unzipped, "pdffonts", unzipped.relativize(pdf).toString());
            List<String> rows = fonts.lines().skip(2).toList();
            assertThat(rows).as(fonts).isNotEmpty();
            for (String row : rows) {
                // columns: name type encoding emb sub uni object ID; a subset font's name has a six-letter tag
                assertThat(row.split("\\s+")).as(row).contains("yes");
                assertThat(row).as(row).containsPattern("^[A-Z]{6}\\+\\S+\\s+CID TrueType\\s+Identity-H\\s+yes\\s+yes\\s+yes");
            }
        }
        String telegram = ExternalTool.run(unzipped, "pdffonts", "pdf/00002-conv-telegram-1.pdf");
        assertThat(telegram).contains("NotoSansArabic", "NotoSansHebrew", "NotoSansSC", "NotoSansJP");
    }

    @Test
    void transcriptsAreMarkedPdfA2bWithAnSrgbOutputIntent() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(pdfs().get(0).toFile())) {
            String xmp = new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
            assertThat(xmp).contains("<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>");
            assertThat(pdf.getDocumentCatalog().getOutputIntents()).singleElement()
                    .satisfies(intent -> assertThat(intent.getOutputConditionIdentifier()).isEqualTo("sRGB IEC61966-2.1"));
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Transcript of whatsapp chat chat-whatsapp");
        }
    }

    @Test
    void everyMessageIsAnEmlWithArchiveHeadersAndItsAttachmentsBytes() throws Exception {
        List<Path> emls;
        try (Stream<Path> files = Files.walk(unzipped.resolve("eml"))) {
            emls = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        assertThat(emls).hasSize(archive.allMessages().size());
        Session session = Session.getInstance(new Properties());
        for (Path eml : emls) {
            try (InputStream in = Files.newInputStream(eml)) {
                MimeMessage mime = new MimeMessage(session, in);
                assertThat(mime.getHeader("X-IMArchive-Platform", null)).isIn("whatsapp", "telegram");
                assertThat(mime.getHeader("X-IMArchive-Record")).isNotEmpty();
                assertThat(mime.getHeader("X-IMArchive-Bates", null)).startsWith("TEST");
                assertThat(mime.getFrom()).hasSize(1);
                assertThat(mime.getSentDate()).isNotNull();
            }
        }
        MimeMessage media = parse(emls.stream().filter(p -> p.toString().endsWith("msg-wa-5.eml")).findFirst().orElseThrow());
        Multipart parts = (Multipart) media.getContent();
        List<String> attachmentHashes = new ArrayList<>();
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (Part.ATTACHMENT.equals(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    attachmentHashes.add(Sha256.hex(in));
                }
            }
        }
        assertThat(attachmentHashes).containsExactly(archive.pngSha256, archive.documentSha256);
        assertThat(media.getHeader("X-IMArchive-Platform-Message-Id", null)).isEqualTo("wa-5");

        MimeMessage edited = parse(emls.stream().filter(p -> p.toString().endsWith("msg-wa-3.eml")).findFirst().orElseThrow());
        String body = (String) ((Multipart) edited.getContent()).getBodyPart(0).getContent();
        assertThat(body).contains("Version 1 of 2", MixedArchive.EDITED_FIRST, "Version 2 of 2", MixedArchive.EDITED_SECOND);
        assertThat(edited.getHeader("X-IMArchive-Record")).hasSize(2);
        assertThat(edited.getSubject()).contains(MixedArchive.EDITED_SECOND);

        MimeMessage cyrillic = parse(emls.stream().filter(p -> p.toString().endsWith("msg-wa-2.eml")).findFirst().orElseThrow());
        assertThat(cyrillic.getSubject()).contains(MixedArchive.CYRILLIC);
        assertThat(((jakarta.mail.internet.InternetAddress) cyrillic.getFrom()[0]).getPersonal()).isEqualTo("Jörg Öztürk");
        assertThat(((jakarta.mail.internet.InternetAddress) cyrillic.getFrom()[0]).getAddress()).isEqualTo("+41798765432@whatsapp.imarchive.invalid");
    }

    @Test
    void rsmfHoldsAValidManifestWithEditsDeletionsRepliesAndReactions() throws Exception {
        MimeMessage rsmf = parse(unzipped.resolve("rsmf/00001-conv-whatsapp-1.rsmf"));
        assertThat(rsmf.getHeader("X-RSMF-Version", null)).isEqualTo("2.0.0");
        assertThat(rsmf.getHeader("X-RSMF-BeginDate", null)).isEqualTo("2025-03-14T08:30:00Z");
        assertThat(rsmf.getHeader("X-RSMF-EndDate", null)).isEqualTo("2025-03-14T08:35:20Z");
        assertThat(rsmf.getHeader("X-RSMF-EventCount", null)).isEqualTo("6");
        byte[] rsmfZip = null;
        Multipart parts = (Multipart) rsmf.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if ("rsmf.zip".equals(parts.getBodyPart(i).getFileName())) {
                try (InputStream in = parts.getBodyPart(i).getInputStream()) {
                    rsmfZip = in.readAllBytes();
                }
            }
        }
        assertThat(rsmfZip).isNotNull();
        List<String> names = new ArrayList<>();
        byte[] manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(rsmfZip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                if (entry.getName().equals("rsmf_manifest.json")) {
                    manifest = in.readAllBytes();
                }
            }
        }
        assertThat(names).containsExactlyInAnyOrder("rsmf_manifest.json", archive.pngSha256, archive.documentSha256);
        JsonNode json = new ObjectMapper().readTree(manifest);
        assertThat(json.path("version").asText()).isEqualTo("2.0.0");
        assertThat(json.path("participants")).hasSize(2);
        assertThat(json.path("conversations").get(0).path("type").asText()).isEqualTo("direct");
        JsonNode events = json.path("events");
        assertThat(events).hasSize(6);
        JsonNode edited = find(events, "wa-3");
        assertThat(edited.path("edits").get(0).path("previous").asText()).isEqualTo(MixedArchive.EDITED_FIRST);
        assertThat(edited.path("edits").get(0).path("new").asText()).isEqualTo(MixedArchive.EDITED_SECOND);
        assertThat(edited.path("body").asText()).isEqualTo(MixedArchive.EDITED_SECOND);
        assertThat(find(events, "wa-4").path("deleted").asBoolean()).isTrue();
        assertThat(find(events, "wa-6").path("parent").asText()).isEqualTo("wa-3");
        assertThat(find(events, "wa-6").path("reactions").get(0).path("value").asText()).isEqualTo("❤️");
        assertThat(find(events, "wa-5").path("attachments")).hasSize(2);
        assertThat(find(events, "wa-1").path("direction").asText()).isEqualTo("outgoing");
    }

    @Test
    void loadFileHasOneRowPerMessageWithItsBatesRangeAndPaths() throws IOException {
        List<String> csv = Files.readAllLines(unzipped.resolve("loadfile.csv"));
        assertThat(csv.get(0)).startsWith("BegBates,EndBates,ControlNumber,MessageId");
        assertThat(csv).hasSize(archive.allMessages().size() + 1);
        String media = csv.stream().filter(l -> l.contains(",msg-wa-5,")).findFirst().orElseThrow();
        assertThat(media).startsWith("TEST0000").contains("pdf/00001-conv-whatsapp-1.pdf", "natives/" + archive.pngSha256,
                "rsmf/00001-conv-whatsapp-1.rsmf", "eml/00001-conv-whatsapp-1/");
        String dat = Files.readString(unzipped.resolve("loadfile.dat"));
        assertThat(dat).startsWith("\uFEFFþBegBatesþ\u0014þEndBatesþ");
        assertThat(dat.lines().count()).isEqualTo(archive.allMessages().size() + 1);
    }

    @Test
    void manifestListsEveryFileWithItsRecordsAndItsHashIsTheOneReturned() throws IOException {
        byte[] manifestBytes = Files.readAllBytes(unzipped.resolve("manifest.json"));
        assertThat(Sha256.hex(manifestBytes)).isEqualTo(result.manifestSha256());
        ProductionManifest manifest = ManifestWriter.read(manifestBytes);
        assertThat(manifest.counts().messages()).isEqualTo(archive.allMessages().size());
        assertThat(manifest.files()).hasSize((int) result.files() - 2);
        long records = archive.allMessages().stream().mapToLong(m -> m.records().size()).sum();
        assertThat(manifest.counts().records()).isEqualTo(records);
        StoredMessage edited = archive.allMessages().stream().filter(m -> m.messageId().equals("msg-wa-3")).findFirst().orElseThrow();
        assertThat(manifest.files()).filteredOn(f -> f.kind().equals("pdf")).first()
                .satisfies(pdf -> assertThat(pdf.records()).extracting(r -> r.sha256())
                        .containsAll(edited.records().stream().map(r -> r.sha256()).toList()));
        assertThat(ProductionVerifier.verify(zip, result.manifestSha256()).intact()).isTrue();
    }

    @Test
    void tamperingOneByteMakesTheVerifierFailNamingTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(zip);
        String target = "natives/" + archive.pngSha256;
        int name = indexOf(bytes, target.getBytes(StandardCharsets.UTF_8));
        int nameLength = target.length();
        int extraLength = (bytes[name - 2] & 0xff) | (bytes[name - 1] & 0xff) << 8;
        int data = name + nameLength + extraLength + 20; // inside the entry's compressed data
        bytes[data] ^= 0x5a;
        Path tampered = dir.resolve("tampered.zip");
        Files.write(tampered, bytes);

        ExportVerification verification = ProductionVerifier.verify(tampered);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problems()).anySatisfy(p -> assertThat(p).startsWith(target));
        assertThat(ProductionVerifier.verify(zip, "0".repeat(64)).problems()).singleElement()
                .satisfies(p -> assertThat(p).startsWith("manifest.json"));
    }

    private static JsonNode find(JsonNode events, String id) {
        for (JsonNode event : events) {
            if (event.path("id").asText().equals(id)) {
                return event;
            }
        }
        throw new AssertionError("no event " + id);
    }

    private static MimeMessage parse(Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            message.getContent();
            return new MimeMessage(message);
        }
    }

    private static List<Path> pdfs() throws IOException {
        try (Stream<Path> files = Files.list(unzipped.resolve("pdf"))) {
            return files.sorted().toList();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    private static void unzip(Path zipFile, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zipFile))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path file = target.resolve(entry.getName()).normalize();
                assertThat(file.startsWith(target)).as(entry.getName()).isTrue();
                Files.createDirectories(file.getParent());
                Files.copy(in, file);
            }
        }
    }
}
