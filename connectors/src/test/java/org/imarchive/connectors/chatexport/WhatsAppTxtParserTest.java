package org.imarchive.connectors.chatexport;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatsAppTxtParserTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private final WhatsAppTxtParser parser = new WhatsAppTxtParser();

    private record Parsed(List<ArchivedMessage> messages, ParseReport report) {
        ArchivedMessage get(int i) {
            return messages.get(i);
        }
    }

    private Parsed parse(String text, ImportRequest request) {
        return parse(text, request, MediaResolver.NONE);
    }

    private Parsed parse(String text, ImportRequest request, MediaResolver media) {
        Fixtures.Collected sink = new Fixtures.Collected();
        ParseReport report = parser.parse(text, "Léa Martin", new ParseContext(request, Fixtures.SHA, media), sink);
        return new Parsed(sink.records, report);
    }

    private Parsed parseIn(ZoneId zone, String text) {
        return parse(text, Fixtures.request().withZone(zone));
    }

    private static LocalDateTime local(ArchivedMessage m) {
        return LocalDateTime.parse(m.content().details().get("exportLocalTime"));
    }

    @Nested
    class AndroidEnUsFixture {
        private Parsed fixture() throws Exception {
            return parse(Fixtures.sharedText("whatsapp_android_en-US_12h_chat.txt"),
                    Fixtures.request().withZone(NEW_YORK).withOwnNames("Acme Support"));
        }

        @Test
        void readsEveryMessageWithItsLocalTimeInTheGivenZone() throws Exception {
            Parsed parsed = fixture();

            assertThat(parsed.messages()).hasSize(12);
            assertThat(parsed.report().setAside()).isEmpty();
            assertThat(parsed.get(0).sentAt()).isEqualTo(Instant.parse("2024-01-01T02:14:00Z"));
            assertThat(parsed.get(10).sentAt()).isEqualTo(Instant.parse("2024-01-01T05:00:00Z"));
            assertThat(local(parsed.get(10))).isEqualTo(LocalDateTime.parse("2024-01-01T00:00"));
            assertThat(parsed.get(10).content().details()).containsEntry("timeZone", "America/New_York");
        }

        @Test
        void encryptionNoticeIsASystemMessage() throws Exception {
            ArchivedMessage notice = fixture().get(0);

            assertThat(notice.content().kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(notice.sender().platformId()).isEqualTo(WhatsAppTxtParser.SYSTEM_SENDER);
            assertThat(notice.content().text()).startsWith("Messages and calls are end-to-end encrypted.");
        }

        @Test
        void custodiansOwnNameMakesAMessageOutbound() throws Exception {
            Parsed parsed = fixture();

            assertThat(parsed.get(1).direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(parsed.get(1).sender().platformId()).isEqualTo("+15550001111");
            assertThat(parsed.get(1).sender().displayName()).isEqualTo("Acme Support");
            assertThat(parsed.get(2).direction()).isEqualTo(Direction.INBOUND);
            assertThat(parsed.get(2).sender().displayName()).isEqualTo("Léa Martin");
        }

        @Test
        void linesWithoutHeaderIncludingEmptyOnesBelongToTheMessageAbove() throws Exception {
            ArchivedMessage multiLine = fixture().get(2);

            assertThat(multiLine.content().text()).isEqualTo(
                    "Hi! Order #4711: the invoice says\n\u201cdelivery by 12/31\u201d but tracking shows\n\n2024-01-02 09:00 pickup at the counter?");
        }

        @Test
        void headerQuotedInsideATextIsText() throws Exception {
            ArchivedMessage quoted = fixture().get(3);

            assertThat(quoted.sender().displayName()).isEqualTo("Léa Martin");
            assertThat(quoted.content().text()).isEqualTo("12/30/23, 8:00 PM - Bob: that's what your email said");
        }

        @Test
        void mediaOmittedAndFileAttachedWithCaptionBecomeAttachments() throws Exception {
            Parsed parsed = fixture();

            ArchivedMessage omitted = parsed.get(4);
            assertThat(omitted.content().kind()).isEqualTo(MessageKind.MEDIA);
            assertThat(omitted.content().attachments()).singleElement()
                    .extracting(Attachment::state).isEqualTo(Attachment.State.NOT_INCLUDED);

            ArchivedMessage photo = parsed.get(5);
            assertThat(photo.content().kind()).isEqualTo(MessageKind.MEDIA);
            assertThat(photo.content().text()).isEqualTo("Receipt from the store");
            assertThat(photo.content().attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("IMG-20231231-WA0003.jpg");
                assertThat(a.state()).isEqualTo(Attachment.State.NOT_INCLUDED);
            });
        }

        @Test
        void editedSuffixIsStrippedAndMarked() throws Exception {
            ArchivedMessage edited = fixture().get(6);

            assertThat(edited.content().text()).isEqualTo("Thanks. Corrected ETA: 1/2/24");
            assertThat(edited.content().details()).containsEntry("edited", "true");
        }

        @Test
        void deletedMarkersStayMessagesMarkedDeleted() throws Exception {
            Parsed parsed = fixture();

            assertThat(parsed.get(7).content().details()).containsEntry("deleted", "true");
            assertThat(parsed.get(7).content().text()).isEqualTo("This message was deleted");
            assertThat(parsed.get(8).content().details()).containsEntry("deleted", "true");
            assertThat(parsed.get(8).direction()).isEqualTo(Direction.OUTBOUND);
        }

        @Test
        void locationLinkBecomesALocation() throws Exception {
            ArchivedMessage pin = fixture().get(9);

            assertThat(pin.content().kind()).isEqualTo(MessageKind.LOCATION);
            assertThat(pin.content().location().latitude()).isEqualTo(52.520008);
            assertThat(pin.content().location().longitude()).isEqualTo(13.404954);
        }

        @Test
        void unsavedNumberAuthorGetsItsE164Id() throws Exception {
            ArchivedMessage stranger = fixture().get(11);

            assertThat(stranger.sender().platformId()).isEqualTo("+14155550134");
            assertThat(stranger.sender().displayName()).isEqualTo("+1 415-555-0134");
        }

        @Test
        void recordsCarryKeyChannelAndImportProvenance() throws Exception {
            ArchivedMessage m = fixture().get(1);

            assertThat(m.messageKey().platform()).isEqualTo(Platform.WHATSAPP);
            assertThat(m.messageKey().accountId()).isEqualTo("+15550001111");
            assertThat(m.messageKey().platformMessageId()).matches("wa-export:[0-9a-f]{32}");
            assertThat(m.platformConversationId()).isEqualTo("Léa Martin");
            assertThat(m.provenance()).isEqualTo(new Provenance(Provenance.Source.IMPORT, 0, "rm.alice", Fixtures.SHA));
            assertThat(m.capturedAt()).isEqualTo(Fixtures.CAPTURED);
        }

        @Test
        void youDeletedThisMessageRevealsTheCustodiansNameWhenNotGiven() throws Exception {
            Parsed parsed = parse(Fixtures.sharedText("whatsapp_android_en-US_12h_chat.txt"), Fixtures.request().withZone(NEW_YORK));

            assertThat(parsed.get(1).direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(parsed.report().warnings()).anyMatch(w -> w.contains("line 13") && w.contains("outbound"));
        }
    }

    @Nested
    class Locales {
        @Test
        void iosEnglishWithSecondsNarrowSpaceAndDirectionMarks() {
            String text = """
                    [1/2/24, 9:14:05\u202fAM] Acme Group: \u200eMessages and calls are end-to-end encrypted.
                    [1/2/24, 9:15:30\u202fAM] Léa Martin: Hello
                    second line
                    \u200e[1/2/24, 9:16:00\u202fAM] Léa Martin: \u200eimage omitted
                    \u200e[1/13/24, 1:17:09\u202fPM] \u202a+44 7700 900123\u202c: \u200e<attached: 00000012-PHOTO-2024-01-13-13-17-09.jpg>
                    """;
            Parsed parsed = parseIn(NEW_YORK, text);

            assertThat(parsed.messages()).hasSize(4);
            assertThat(parsed.get(0).content().kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(parsed.get(0).content().details()).containsEntry("exportAuthor", "Acme Group");
            assertThat(local(parsed.get(1))).isEqualTo(LocalDateTime.parse("2024-01-02T09:15:30"));
            assertThat(parsed.get(1).content().text()).isEqualTo("Hello\nsecond line");
            assertThat(parsed.get(2).content().kind()).isEqualTo(MessageKind.MEDIA);
            assertThat(parsed.get(2).content().details()).containsEntry("mediaKind", "image");
            assertThat(local(parsed.get(3))).isEqualTo(LocalDateTime.parse("2024-01-13T13:17:09"));
            assertThat(parsed.get(3).sender().platformId()).isEqualTo("+447700900123");
            assertThat(parsed.get(3).content().attachments()).singleElement()
                    .extracting(Attachment::fileName).isEqualTo("00000012-PHOTO-2024-01-13-13-17-09.jpg");
        }

        @Test
        void germanDayFirstTwoDigitYear24Hour() {
            Parsed parsed = parseIn(BERLIN, """
                    31.12.23, 23:59 - Léa Martin: Frohes neues Jahr!
                    01.01.24, 00:01 - Léa Martin: <Medien ausgeschlossen>
                    """);

            assertThat(local(parsed.get(0))).isEqualTo(LocalDateTime.parse("2023-12-31T23:59"));
            assertThat(parsed.get(0).sentAt()).isEqualTo(Instant.parse("2023-12-31T22:59:00Z"));
            assertThat(local(parsed.get(1))).isEqualTo(LocalDateTime.parse("2024-01-01T00:01"));
            assertThat(parsed.get(1).content().attachments()).singleElement()
                    .extracting(Attachment::state).isEqualTo(Attachment.State.NOT_INCLUDED);
        }

        @Test
        void spanishDottedMeridiemWithNoBreakSpaceAndNoComma() {
            Parsed parsed = parseIn(ZoneId.of("Europe/Madrid"), """
                    3/6/2018 1:55 p.\u00a0m. - Léa Martin: Hola
                    13/6/2018 9:05 a.\u00a0m. - Léa Martin: ¿Qué tal?
                    13/6/2018 12:30 a. m. - Léa Martin: medianoche
                    """);

            assertThat(local(parsed.get(0))).isEqualTo(LocalDateTime.parse("2018-06-03T13:55"));
            assertThat(local(parsed.get(1))).isEqualTo(LocalDateTime.parse("2018-06-13T09:05"));
            assertThat(local(parsed.get(2))).isEqualTo(LocalDateTime.parse("2018-06-13T00:30"));
        }

        @Test
        void yearFirstWithTrailingDotAfterTime() {
            Parsed parsed = parseIn(ZoneId.of("Asia/Tokyo"), """
                    2022/12/14, 13:34. - Léa Martin: こんにちは
                    2022/12/14, 13:35. - Léa Martin: 2行目
                    """);

            assertThat(parsed.messages()).hasSize(2);
            assertThat(local(parsed.get(0))).isEqualTo(LocalDateTime.parse("2022-12-14T13:34"));
            assertThat(parsed.get(0).content().text()).isEqualTo("こんにちは");
        }

        @Test
        void finnishKloWithDottedTime() {
            Parsed parsed = parseIn(ZoneId.of("Europe/Helsinki"), "13.6.2018 klo 21.25.15 - Léa Martin: Moi\n");

            assertThat(local(parsed.get(0))).isEqualTo(LocalDateTime.parse("2018-06-13T21:25:15"));
            assertThat(parsed.get(0).content().text()).isEqualTo("Moi");
        }

        @Test
        void iosDottedDateWithoutComma() {
            Parsed parsed = parseIn(BERLIN, """
                    [13.06.18 21:25:15] Léa Martin: Hallo
                    [14.06.18 08:00:00] Léa Martin: \u200eBild weggelassen
                    """);

            assertThat(local(parsed.get(0))).isEqualTo(LocalDateTime.parse("2018-06-13T21:25:15"));
            assertThat(parsed.get(1).content().kind()).isEqualTo(MessageKind.MEDIA);
        }

        @Test
        void iosDeletedMarkerWithDirectionMarkAndFullStopIsADeletionNotASystemLine() {
            Parsed parsed = parseIn(BERLIN, """
                    [13.06.18 21:25:15] Léa Martin: \u200eThis message was deleted.
                    [13.06.18 21:26:00] Acme Support: \u200eYou deleted this message.
                    """);

            assertThat(parsed.messages()).allSatisfy(m -> {
                assertThat(m.content().kind()).isEqualTo(MessageKind.TEXT);
                assertThat(m.content().details()).containsEntry("deleted", "true");
            });
            assertThat(parsed.get(0).sender().displayName()).isEqualTo("Léa Martin");
            assertThat(parsed.get(1).direction()).isEqualTo(Direction.OUTBOUND);
        }

        @Test
        void germanIosAttachmentIsMedia() {
            Parsed parsed = parseIn(BERLIN, "[13.06.18 21:25:15] Léa Martin: \u200e<Anhang: 00000003-PHOTO-2018-06-13-21-25-15.jpg>\n");

            assertThat(parsed.get(0).content().kind()).isEqualTo(MessageKind.MEDIA);
            assertThat(parsed.get(0).content().attachments().get(0).fileName()).isEqualTo("00000003-PHOTO-2018-06-13-21-25-15.jpg");
        }
    }

    @Nested
    class DayMonthOrder {
        @Test
        void aDayAbove12AnywhereDecidesForTheWholeFile() {
            Parsed parsed = parseIn(BERLIN, """
                    1/2/24, 10:00 - Léa Martin: first
                    25/2/24, 10:00 - Léa Martin: later
                    """);

            assertThat(local(parsed.get(0))).isEqualTo(LocalDateTime.parse("2024-02-01T10:00"));
            assertThat(parsed.report().warnings()).isEmpty();
        }

        @Test
        void withoutADayAbove12TimeOrderDecides() {
            Parsed parsed = parseIn(BERLIN, """
                    1/2/24, 10:00 - Léa Martin: a
                    1/3/24, 10:00 - Léa Martin: b
                    2/1/24, 10:00 - Léa Martin: c
                    """);

            assertThat(local(parsed.get(0))).isEqualTo(LocalDateTime.parse("2024-01-02T10:00"));
            assertThat(local(parsed.get(2))).isEqualTo(LocalDateTime.parse("2024-02-01T10:00"));
            assertThat(parsed.report().warnings()).isEmpty();
        }

        @Test
        void undecidableOrderIsAssumedAndWarned() {
            Parsed dayFirst = parseIn(BERLIN, "5/6/24, 10:00 - Léa Martin: a\n5/6/24, 10:01 - Léa Martin: b\n");
            Parsed usStyle = parseIn(NEW_YORK, "5/6/24, 10:00 AM - Léa Martin: a\n");

            assertThat(local(dayFirst.get(0))).isEqualTo(LocalDateTime.parse("2024-06-05T10:00"));
            assertThat(dayFirst.report().warnings()).anyMatch(w -> w.contains("assumed day/month"));
            assertThat(local(usStyle.get(0))).isEqualTo(LocalDateTime.parse("2024-05-06T10:00"));
            assertThat(usStyle.report().warnings()).anyMatch(w -> w.contains("assumed month/day"));
        }
    }

    @Nested
    class Placement {
        @Test
        void linesBeforeTheFirstHeaderAreSetAsideByNumber() {
            Parsed parsed = parseIn(BERLIN, """
                    exported by a tool
                    
                    31.12.23, 23:59 - Léa Martin: hi
                    """);

            assertThat(parsed.messages()).hasSize(1);
            assertThat(parsed.report().setAside()).containsExactly(
                    new SetAside("line 1", "before the first message header"),
                    new SetAside("line 2", "before the first message header"));
        }

        @Test
        void headerLikeLineOfAnotherFormatStaysInTheMessageAndIsWarned() {
            Parsed parsed = parseIn(BERLIN, """
                    31.12.23, 23:59 - Léa Martin: look at this:
                    12/30/23, 8:00 PM - Bob: pasted
                    01.01.24, 00:01 - Léa Martin: ok
                    """);

            assertThat(parsed.messages()).hasSize(2);
            assertThat(parsed.get(0).content().text()).isEqualTo("look at this:\n12/30/23, 8:00 PM - Bob: pasted");
            assertThat(parsed.report().warnings()).anyMatch(w -> w.startsWith("line 2 "));
        }

        @Test
        void systemLineWithoutAuthorIsSystem() {
            Parsed parsed = parseIn(BERLIN, "31.12.23, 23:59 - Léa Martin hat die Gruppe verlassen\n");

            assertThat(parsed.get(0).content().kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(parsed.get(0).direction()).isEqualTo(Direction.INBOUND);
        }

        @Test
        void viewOnceMediaIsANotIncludedAttachment() {
            Parsed parsed = parseIn(BERLIN, "31.12.23, 23:59 - Léa Martin: null\n");

            assertThat(parsed.get(0).content().details()).containsEntry("viewOnce", "true");
            assertThat(parsed.get(0).content().attachments()).singleElement()
                    .extracting(Attachment::state).isEqualTo(Attachment.State.NOT_INCLUDED);
        }

        @Test
        void attachedFileFoundInTheUploadIsStoredWithItsHash() {
            MediaResolver media = ref -> ref.equals("IMG-1.jpg") ? Optional.of(new ResolvedMedia("a".repeat(64), 3)) : Optional.empty();
            Parsed parsed = parse("31.12.23, 23:59 - Léa Martin: IMG-1.jpg (file attached)\ncaption\n",
                    Fixtures.request().withZone(BERLIN), media);

            assertThat(parsed.get(0).content().attachments()).singleElement().satisfies(a -> {
                assertThat(a.state()).isEqualTo(Attachment.State.STORED);
                assertThat(a.sha256()).isEqualTo("a".repeat(64));
                assertThat(a.size()).isEqualTo(3L);
            });
            assertThat(parsed.get(0).content().text()).isEqualTo("caption");
        }

        @Test
        void daylightSavingGapIsFlagged() {
            Parsed parsed = parseIn(NEW_YORK, "3/10/24, 2:30 AM - Léa Martin: in the gap\n");

            assertThat(parsed.get(0).content().details()).containsKey("localTimeAmbiguity");
            assertThat(parsed.get(0).sentAt()).isEqualTo(Instant.parse("2024-03-10T07:30:00Z"));
        }
    }

    @Nested
    class Ids {
        @Test
        void identicalMessagesInOneMinuteGetDistinctIds() {
            Parsed parsed = parseIn(BERLIN, "31.12.23, 23:59 - Léa Martin: ok\n31.12.23, 23:59 - Léa Martin: ok\n");

            assertThat(parsed.get(0).messageKey()).isNotEqualTo(parsed.get(1).messageKey());
            assertThat(parsed.get(0).id()).isNotEqualTo(parsed.get(1).id());
        }

        @Test
        void overlappingLaterExportGivesTheSameIdsForTheSameMessages() {
            Parsed first = parseIn(BERLIN, """
                    31.12.23, 23:58 - Léa Martin: one
                    31.12.23, 23:59 - Léa Martin: ok
                    31.12.23, 23:59 - Léa Martin: ok
                    """);
            Parsed later = parseIn(BERLIN, """
                    30.12.23, 10:00 - Léa Martin: earlier history
                    31.12.23, 23:58 - Léa Martin: one
                    31.12.23, 23:59 - Léa Martin: ok
                    31.12.23, 23:59 - Léa Martin: ok
                    01.01.24, 00:00 - Léa Martin: new
                    """);

            assertThat(later.messages().subList(1, 4)).extracting(ArchivedMessage::messageKey)
                    .containsExactlyElementsOf(first.messages().stream().map(ArchivedMessage::messageKey).toList());
        }

        @Test
        void sameMessageInAnotherChatHasAnotherId() {
            String text = "31.12.23, 23:59 - Acme Support: Thanks\n";
            ImportRequest request = Fixtures.request().withZone(BERLIN);
            Fixtures.Collected a = new Fixtures.Collected();
            Fixtures.Collected b = new Fixtures.Collected();
            parser.parse(text, "Léa Martin", new ParseContext(request, Fixtures.SHA, null), a);
            parser.parse(text, "Max Mustermann", new ParseContext(request, Fixtures.SHA, null), b);

            assertThat(a.records.get(0).messageKey()).isNotEqualTo(b.records.get(0).messageKey());
        }
    }

    @Nested
    class Rejected {
        @Test
        void withoutTimeZone() {
            assertThatThrownBy(() -> parse("31.12.23, 23:59 - Léa Martin: hi\n", Fixtures.request()))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("time zone");
        }

        @Test
        void textWithoutAnyHeader() {
            assertThatThrownBy(() -> parseIn(BERLIN, "just some notes\nnothing else\n"))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("not a WhatsApp chat export");
        }

        @Test
        void unknownMeridiemWord() {
            assertThatThrownBy(() -> parseIn(BERLIN, "31/12/23, 11:59 zz - Léa Martin: hi\n"))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("'zz'");
        }
    }
}
