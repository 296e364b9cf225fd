package org.imarchive.connectors.chatexport;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.support.Sha256;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatExportImporterTest {
    private static final String WA_FIXTURE = "whatsapp_android_en-US_12h_chat.txt";
    private static final String TG_FIXTURE = "tdesktop_single_chat_result.json";
    private static final byte[] PHOTO = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3};

    private final ChatExportImporter importer = new ChatExportImporter();

    private static ImportRequest whatsAppRequest() {
        return Fixtures.request().withZone(ZoneId.of("America/New_York")).withOwnNames("Acme Support").withJournalSequence(42);
    }

    private static byte[] readAll(ImportedMedia media) throws IOException {
        try (InputStream in = media.open()) {
            return in.readAllBytes();
        }
    }

    @Nested
    class PlainFiles {
        @Test
        void whatsAppTextCountsAndProvenance() throws IOException {
            byte[] bytes = Fixtures.sharedBytes(WA_FIXTURE);
            ImportResult result = importer.importBytes("WhatsApp Chat with Léa Martin.txt", bytes, whatsAppRequest());

            assertThat(result.summary().format()).isEqualTo(ExportFormat.WHATSAPP_TXT);
            assertThat(result.summary().sourceFileSha256()).isEqualTo(Sha256.hex(bytes));
            assertThat(result.summary().counts()).isEqualTo(new ImportCounts(12, 0, 1, 0));
            assertThat(result.records()).allSatisfy(m -> {
                assertThat(m.provenance()).isEqualTo(new Provenance(Provenance.Source.IMPORT, 42, "rm.alice", Sha256.hex(bytes)));
                assertThat(m.platformConversationId()).isEqualTo("Léa Martin");
            });
        }

        @Test
        void telegramJsonIsRecognizedByContentNotName() throws IOException {
            ImportResult result = importer.importBytes("upload.bin", Fixtures.sharedBytes(TG_FIXTURE), Fixtures.request());

            assertThat(result.summary().format()).isEqualTo(ExportFormat.TELEGRAM_DESKTOP_JSON);
            assertThat(result.summary().counts()).isEqualTo(new ImportCounts(9, 0, 1, 0));
        }

        @Test
        void pathAndBytesGiveTheSameRecords() throws IOException {
            Path file = Fixtures.shared(TG_FIXTURE);
            ImportResult fromPath = importer.importFile(file, Fixtures.request());
            ImportResult fromBytes = importer.importBytes(file.getFileName().toString(), Files.readAllBytes(file), Fixtures.request());

            assertThat(fromPath.records()).isEqualTo(fromBytes.records());
        }

        @Test
        void chatNameComesFromTheFileNameWithoutDownloadCopySuffix() throws IOException {
            byte[] bytes = Fixtures.sharedBytes(WA_FIXTURE);
            ImportResult first = importer.importBytes("WhatsApp Chat with Léa Martin.txt", bytes, whatsAppRequest());
            ImportResult copy = importer.importBytes("WhatsApp Chat with Léa Martin (1).txt", bytes, whatsAppRequest());

            assertThat(copy.records()).isEqualTo(first.records());
        }

        @Test
        void withoutAUsableFileNameTheChatNameMustBeGiven() throws IOException {
            byte[] bytes = Fixtures.sharedBytes(WA_FIXTURE);

            assertThatThrownBy(() -> importer.importBytes(null, bytes, whatsAppRequest()))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("chat's name");
            assertThat(importer.importBytes(null, bytes, whatsAppRequest().withChatName("Léa")).records().get(0).platformConversationId())
                    .isEqualTo("Léa");
        }
    }

    @Test
    void sameFileGivesSameRecords() throws IOException {
        byte[] wa = Fixtures.sharedBytes(WA_FIXTURE);
        byte[] tg = Fixtures.sharedBytes(TG_FIXTURE);

        List<ArchivedMessage> waFirst = importer.importBytes("WhatsApp Chat with Léa Martin.txt", wa, whatsAppRequest()).records();
        List<ArchivedMessage> waSecond = importer.importBytes("WhatsApp Chat with Léa Martin.txt", wa, whatsAppRequest()).records();
        List<ArchivedMessage> tgFirst = importer.importBytes("result.json", tg, Fixtures.request()).records();
        List<ArchivedMessage> tgSecond = importer.importBytes("result.json", tg, Fixtures.request()).records();

        assertThat(waSecond).isEqualTo(waFirst);
        assertThat(tgSecond).isEqualTo(tgFirst);
        assertThat(waFirst).extracting(ArchivedMessage::id).doesNotHaveDuplicates();
        assertThat(waFirst).extracting(m -> m.messageKey().platformMessageId()).doesNotHaveDuplicates();
    }

    @Test
    void reimportAtAnotherTimeKeepsIdsAndKeys() throws IOException {
        byte[] wa = Fixtures.sharedBytes(WA_FIXTURE);
        ImportRequest later = new ImportRequest("rm.alice", "+15550001111", ZoneId.of("America/New_York"), java.util.Set.of("Acme Support"),
                null, Fixtures.CAPTURED.plusSeconds(86_400), 99);

        List<ArchivedMessage> first = importer.importBytes("WhatsApp Chat with Léa Martin.txt", wa, whatsAppRequest()).records();
        List<ArchivedMessage> second = importer.importBytes("WhatsApp Chat with Léa Martin.txt", wa, later).records();

        assertThat(second).extracting(ArchivedMessage::id).containsExactlyElementsOf(first.stream().map(ArchivedMessage::id).toList());
        assertThat(second).extracting(ArchivedMessage::naturalKey).containsExactlyElementsOf(first.stream().map(ArchivedMessage::naturalKey).toList());
    }

    @Nested
    class Zips {
        @Test
        void androidZipMatchesMediaToItsAttachment() throws IOException {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("WhatsApp Chat with Léa Martin.txt", Fixtures.sharedBytes(WA_FIXTURE));
            entries.put("IMG-20231231-WA0003.jpg", PHOTO);
            entries.put("IMG-20231231-WA0099.jpg", new byte[] {9});
            byte[] zip = Fixtures.zip(entries);

            ImportResult result = importer.importBytes("WhatsApp Chat with Léa Martin.zip", zip, whatsAppRequest());

            assertThat(result.summary().sourceFileSha256()).isEqualTo(Sha256.hex(zip));
            assertThat(result.summary().counts()).isEqualTo(new ImportCounts(12, 1, 1, 0));
            Attachment photo = result.records().get(5).content().attachments().get(0);
            assertThat(photo.state()).isEqualTo(Attachment.State.STORED);
            assertThat(photo.sha256()).isEqualTo(Sha256.hex(PHOTO));
            assertThat(photo.size()).isEqualTo(PHOTO.length);
            assertThat(result.summary().media()).singleElement().satisfies(m -> {
                assertThat(m.path()).isEqualTo("IMG-20231231-WA0003.jpg");
                assertThat(m.sha256()).isEqualTo(Sha256.hex(PHOTO));
                assertThat(readAll(m)).isEqualTo(PHOTO);
            });
            assertThat(result.summary().warnings()).anyMatch(w -> w.startsWith("1 file(s) in the zip are not referred to"));
        }

        @Test
        void iosZipTakesTheChatNameFromTheZip() throws IOException {
            String chat = "[13.06.18 21:25:15] Léa Martin: \u200e<attached: 00000003-PHOTO-2018-06-13-21-25-15.jpg>\n";
            byte[] zip = Fixtures.zip(Map.of("_chat.txt", chat.getBytes(StandardCharsets.UTF_8),
                    "00000003-PHOTO-2018-06-13-21-25-15.jpg", PHOTO));

            ImportResult result = importer.importBytes("WhatsApp Chat - Léa Martin.zip", zip,
                    Fixtures.request().withZone(ZoneId.of("Europe/Berlin")));

            assertThat(result.records()).singleElement().satisfies(m -> {
                assertThat(m.platformConversationId()).isEqualTo("Léa Martin");
                assertThat(m.content().attachments().get(0).state()).isEqualTo(Attachment.State.STORED);
            });
        }

        @Test
        void telegramZipOnDiskResolvesPathsBelowTheExportFolder(@TempDir Path dir) throws IOException {
            byte[] pdf = "%PDF-1.7 fake".getBytes(StandardCharsets.US_ASCII);
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("ChatExport_2024-01-31/result.json", Fixtures.sharedBytes(TG_FIXTURE));
            entries.put("ChatExport_2024-01-31/files/Rechnung_4711.pdf", pdf);
            Path zip = Files.write(dir.resolve("export.zip"), Fixtures.zip(entries));

            ImportResult result = importer.importFile(zip, Fixtures.request());

            assertThat(result.summary().format()).isEqualTo(ExportFormat.TELEGRAM_DESKTOP_JSON);
            assertThat(result.summary().counts()).isEqualTo(new ImportCounts(9, 1, 1, 0));
            ArchivedMessage invoice = result.records().stream()
                    .filter(m -> m.messageKey().platformMessageId().equals("5128839021:107")).findFirst().orElseThrow();
            assertThat(invoice.content().attachments()).singleElement().satisfies(a -> {
                assertThat(a.state()).isEqualTo(Attachment.State.STORED);
                assertThat(a.sha256()).isEqualTo(Sha256.hex(pdf));
            });
            // the media can still be read after the import has closed the zip
            assertThat(readAll(result.summary().media().get(0))).isEqualTo(pdf);
            assertThat(result.records()).allSatisfy(m -> assertThat(m.provenance().sourceFileSha256()).isEqualTo(Sha256.hex(Files.readAllBytes(zip))));
        }

        @Test
        void zipWithBothKindsIsRejected() throws IOException {
            byte[] zip = Fixtures.zip(Map.of("result.json", Fixtures.sharedBytes(TG_FIXTURE), "_chat.txt", Fixtures.sharedBytes(WA_FIXTURE)));

            assertThatThrownBy(() -> importer.importBytes("x.zip", zip, whatsAppRequest()))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("both a WhatsApp chat and a Telegram export");
        }

        @Test
        void zipWithNeitherKindIsRejected() throws IOException {
            byte[] zip = Fixtures.zip(Map.of("photo.jpg", PHOTO));

            assertThatThrownBy(() -> importer.importBytes("x.zip", zip, whatsAppRequest()))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("neither a WhatsApp chat");
        }

        @Test
        void zipWithSeveralUnnamedTextsIsRejected() throws IOException {
            byte[] zip = Fixtures.zip(Map.of("a.txt", new byte[] {1}, "b.txt", new byte[] {2}));

            assertThatThrownBy(() -> importer.importBytes("x.zip", zip, whatsAppRequest()))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("several .txt files");
        }

        @Test
        void telegramHtmlExportIsRejectedWithAHint() throws IOException {
            byte[] zip = Fixtures.zip(Map.of("ChatExport/messages.html", new byte[] {1}, "ChatExport/css/style.css", new byte[] {2}));

            assertThatThrownBy(() -> importer.importBytes("x.zip", zip, whatsAppRequest()))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("in HTML");
        }

        @Test
        void corruptZipIsRejected(@TempDir Path dir) throws IOException {
            byte[] broken = {'P', 'K', 3, 4, 0, 0, 0};
            Path file = Files.write(dir.resolve("broken.zip"), broken);

            assertThatThrownBy(() -> importer.importFile(file, whatsAppRequest()))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("not a readable zip");
        }
    }
}
