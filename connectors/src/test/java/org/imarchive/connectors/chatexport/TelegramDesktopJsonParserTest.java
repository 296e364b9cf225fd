package org.imarchive.connectors.chatexport;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Forward;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramDesktopJsonParserTest {
    private final TelegramDesktopJsonParser parser = new TelegramDesktopJsonParser();

    private record Parsed(List<ArchivedMessage> messages, ParseReport report) {
        ArchivedMessage byId(String platformMessageId) {
            return messages.stream().filter(m -> m.messageKey().platformMessageId().equals(platformMessageId)).findFirst().orElseThrow();
        }
    }

    private Parsed parse(byte[] json, ImportRequest request, MediaResolver media) throws IOException {
        Fixtures.Collected sink = new Fixtures.Collected();
        ParseReport report = parser.parse(new ByteArrayInputStream(json), new ParseContext(request, Fixtures.SHA, media), sink);
        return new Parsed(sink.records, report);
    }

    private Parsed parse(String json) throws IOException {
        return parse(json.getBytes(StandardCharsets.UTF_8), Fixtures.request(), MediaResolver.NONE);
    }

    @Nested
    class SingleChatFixture {
        private Parsed fixture() throws IOException {
            return parse(Fixtures.sharedBytes("tdesktop_single_chat_result.json"), Fixtures.request().withOwnNames("Atelier Nord"),
                    MediaResolver.NONE);
        }

        @Test
        void readsAllMessagesKeyedByChatAndMessageId() throws IOException {
            Parsed parsed = fixture();

            assertThat(parsed.messages()).hasSize(9);
            assertThat(parsed.messages()).extracting(m -> m.messageKey().platformMessageId())
                    .containsExactly(IntStream.rangeClosed(101, 109).mapToObj(i -> "5128839021:" + i).toArray(String[]::new));
            ArchivedMessage first = parsed.messages().get(1);
            assertThat(first.messageKey().platform()).isEqualTo(Platform.TELEGRAM);
            assertThat(first.platformConversationId()).isEqualTo("5128839021");
            assertThat(parsed.report().setAside()).isEmpty();
        }

        @Test
        void sentAtIsTheUnixTimeNotTheLocalDate() throws IOException {
            ArchivedMessage m = fixture().byId("5128839021:102");

            assertThat(m.sentAt()).isEqualTo(Instant.ofEpochSecond(1703833400));
            assertThat(m.content().details()).containsEntry("exportLocalTime", "2023-12-29T08:03:20");
        }

        @Test
        void multiLineTextIsKeptVerbatim() throws IOException {
            assertThat(fixture().byId("5128839021:102").content().text()).isEqualTo("Bonjour!\nCommande n°4711 : livraison ?\n\n– Léa 🌻");
        }

        @Test
        void entityArrayIsFlattenedAndHiddenLinksKept() throws IOException {
            ArchivedMessage m = fixture().byId("5128839021:103");

            assertThat(m.content().text()).isEqualTo("Hi Léa, see the contract and call +49 151 23456789 — today.");
            assertThat(m.content().details()).containsEntry("links", "https://example.com/contract?id=4711");
        }

        @Test
        void ownNameMakesOutboundAndNamesThePeerAsRecipient() throws IOException {
            Parsed parsed = fixture();
            ArchivedMessage outbound = parsed.byId("5128839021:103");
            ArchivedMessage inbound = parsed.byId("5128839021:102");

            assertThat(outbound.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(outbound.sender()).isEqualTo(new Participant("6609871234", "Atelier Nord"));
            assertThat(outbound.recipients()).containsExactly(new Participant("5128839021", "Léa Martin"));
            assertThat(inbound.direction()).isEqualTo(Direction.INBOUND);
            assertThat(inbound.sender()).isEqualTo(new Participant("5128839021", "Léa Martin"));
        }

        @Test
        void editedMessageIsMarkedAsLatestVersionWithItsReply() throws IOException {
            ArchivedMessage m = fixture().byId("5128839021:104");

            assertThat(m.content().details())
                    .containsEntry("edited", "true")
                    .containsEntry("editedAt", "2023-12-29T07:06:40Z")
                    .containsKey("editHistory");
            assertThat(m.replyToPlatformMessageId()).isEqualTo("5128839021:102");
        }

        @Test
        void forwardedFromBecomesAForward() throws IOException {
            ArchivedMessage m = fixture().byId("5128839021:105");

            assertThat(m.forward()).isEqualTo(new Forward("Max M.", null, null, false));
            assertThat(m.content().text()).isEqualTo("31/12/23, 23:59 - Bob: confirmed");
        }

        @Test
        void skippedMediaIsNotIncludedWithTdesktopsReason() throws IOException {
            ArchivedMessage photo = fixture().byId("5128839021:106");

            assertThat(photo.content().kind()).isEqualTo(MessageKind.MEDIA);
            assertThat(photo.content().attachments()).singleElement().satisfies(a -> {
                assertThat(a.state()).isEqualTo(Attachment.State.NOT_INCLUDED);
                assertThat(a.size()).isEqualTo(187095L);
            });
            assertThat(photo.content().details())
                    .containsEntry("attachmentNotIncluded", "(File not included. Change data exporting settings to download.)")
                    .containsEntry("telegram.width", "1280");
        }

        @Test
        void exportedFileIsStoredWhenTheUploadHasIt() throws IOException {
            MediaResolver media = ref -> ref.equals("files/Rechnung_4711.pdf") ? Optional.of(new ResolvedMedia("b".repeat(64), 48213)) : Optional.empty();
            Parsed parsed = parse(Fixtures.sharedBytes("tdesktop_single_chat_result.json"), Fixtures.request(), media);

            assertThat(parsed.byId("5128839021:107").content().attachments()).singleElement().satisfies(a -> {
                assertThat(a.state()).isEqualTo(Attachment.State.STORED);
                assertThat(a.sha256()).isEqualTo("b".repeat(64));
                assertThat(a.fileName()).isEqualTo("Rechnung_4711.pdf");
                assertThat(a.mediaType()).isEqualTo("application/pdf");
                assertThat(a.platformMediaId()).isEqualTo("files/Rechnung_4711.pdf");
            });
            assertThat(parsed.byId("5128839021:107").content().text()).isEqualTo("Rechnung anbei");
        }

        @Test
        void exportedFileMissingFromTheUploadIsNotIncluded() throws IOException {
            ArchivedMessage voice = fixture().byId("5128839021:108");

            assertThat(voice.content().attachments()).singleElement()
                    .extracting(Attachment::state).isEqualTo(Attachment.State.NOT_INCLUDED);
            assertThat(voice.content().details())
                    .containsEntry("mediaKind", "voice_message")
                    .containsEntry("attachmentNotIncluded", "file not in the upload")
                    .containsEntry("telegram.duration_seconds", "7");
        }

        @Test
        void stickerAndItsThumbnailAreBothAttachments() throws IOException {
            ArchivedMessage sticker = fixture().byId("5128839021:109");

            assertThat(sticker.content().attachments()).hasSize(2)
                    .allMatch(a -> a.state() == Attachment.State.NOT_INCLUDED);
            assertThat(sticker.content().details()).containsEntry("telegram.sticker_emoji", "👍");
        }

        @Test
        void serviceMessageIsSystemWithItsAction() throws IOException {
            ArchivedMessage call = fixture().byId("5128839021:101");

            assertThat(call.content().kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(call.sender()).isEqualTo(new Participant("5128839021", "Léa Martin"));
            assertThat(call.content().details())
                    .containsEntry("action", "phone_call")
                    .containsEntry("telegram.duration_seconds", "94")
                    .containsEntry("telegram.discard_reason", "hangup");
        }
    }

    @Nested
    class FullExport {
        private Parsed full(ImportRequest request) throws IOException {
            return parse(Fixtures.resource("tdesktop_full_export_result.json"), request, MediaResolver.NONE);
        }

        @Test
        void readsChatsAndLeftChatsAndSetsAsideWhatItCannotPlace() throws IOException {
            Parsed parsed = full(Fixtures.request());

            assertThat(parsed.messages()).extracting(m -> m.messageKey().platformMessageId())
                    .containsExactly("5128839021:7", "5128839021:8", "-1001987654321:40", "-1001987654321:43",
                            "-1001987654321:44", "-1001122334455:3");
            assertThat(parsed.report().setAside()).containsExactly(
                    new SetAside("chat 1987654321, message #2", "no message id"),
                    new SetAside("chat 1987654321, message #3",
                            "no date_unixtime, and its local date needs a time zone the request did not give"));
        }

        @Test
        void personalInformationIdentifiesTheCustodiansMessages() throws IOException {
            Parsed parsed = full(Fixtures.request());

            assertThat(parsed.byId("5128839021:8").direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(parsed.byId("5128839021:7").direction()).isEqualTo(Direction.INBOUND);
            assertThat(parsed.byId("5128839021:7").recipients()).containsExactly(new Participant("6609871234", "Atelier Nord"));
            assertThat(parsed.byId("-1001987654321:43").direction()).isEqualTo(Direction.OUTBOUND);
        }

        @Test
        void controlCharacterWrittenAsBackslashXIsRepaired() throws IOException {
            assertThat(full(Fixtures.request()).byId("5128839021:7").content().text()).isEqualTo("Bonjour\u0007!");
        }

        @Test
        void localDateIsUsedWithTheGivenZoneWhenUnixTimeIsMissing() throws IOException {
            Parsed parsed = full(Fixtures.request().withZone(ZoneId.of("Europe/Berlin")));

            assertThat(parsed.byId("-1001987654321:42").sentAt()).isEqualTo(Instant.parse("2024-01-06T08:02:00Z"));
            assertThat(parsed.report().setAside()).hasSize(1);
        }

        @Test
        void supergroupLocationServiceUnsupportedAndChannelPost() throws IOException {
            Parsed parsed = full(Fixtures.request());

            ArchivedMessage pin = parsed.byId("-1001987654321:40");
            assertThat(pin.content().kind()).isEqualTo(MessageKind.LOCATION);
            assertThat(pin.content().location().name()).isEqualTo("Acme HQ");
            assertThat(pin.platformConversationId()).isEqualTo("-1001987654321");
            ArchivedMessage invite = parsed.byId("-1001987654321:43");
            assertThat(invite.content().kind()).isEqualTo(MessageKind.SYSTEM);
            assertThat(invite.content().details()).containsEntry("telegram.members", "[\"Max M.\"]");
            assertThat(parsed.byId("-1001987654321:44").content().kind()).isEqualTo(MessageKind.UNSUPPORTED);
            ArchivedMessage post = parsed.byId("-1001122334455:3");
            assertThat(post.sender().platformId()).isEqualTo("-1001122334455");
            assertThat(post.forward()).isEqualTo(new Forward(null, null, null, false));
            assertThat(post.content().details())
                    .containsEntry("telegram.author", "Editor")
                    .hasEntrySatisfying("reactions", r -> assertThat(r).contains("\"emoji\":\"👍\""));
        }
    }

    @Nested
    class Streaming {
        @Test
        void firstRecordArrivesBeforeTheFileIsRead() {
            int messages = 200_000;
            String head = "{\"name\":\"Big\",\"type\":\"personal_chat\",\"id\":1,\"messages\":[";
            List<InputStream> parts = new java.util.ArrayList<>();
            parts.add(stream(head));
            for (int i = 1; i <= messages; i++) {
                parts.add(stream((i > 1 ? "," : "") + "{\"id\":" + i + ",\"type\":\"message\",\"date_unixtime\":\"1700000000\","
                        + "\"from\":\"A\",\"from_id\":\"user2\",\"text\":\"message number " + i + "\"}"));
            }
            parts.add(stream("]}"));
            CountingStream counted = new CountingStream(new SequenceInputStream(Collections.enumeration(parts)));

            assertThatThrownBy(() -> parser.parse(counted, new ParseContext(Fixtures.request(), Fixtures.SHA, null), m -> {
                throw new IllegalStateException("stop after " + m.messageKey().platformMessageId());
            })).hasMessage("stop after 1:1");
            assertThat(counted.read).isLessThan(1_000_000L);
        }

        private static InputStream stream(String s) {
            return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
        }

        private static final class CountingStream extends java.io.FilterInputStream {
            long read;

            CountingStream(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                read += b < 0 ? 0 : 1;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                read += Math.max(n, 0);
                return n;
            }
        }
    }

    @Nested
    class Rejected {
        @Test
        void invalidJsonNamesWhereNotWhat() {
            assertThatThrownBy(() -> parse("{\"name\":\"x\",\"id\":1,\"messages\":[{\"id\":1,\"text\":\"secret\" \"oops\"}]}"))
                    .isInstanceOf(ImportRejectedException.class)
                    .hasMessageStartingWith("not valid JSON at line 1")
                    .hasMessageNotContaining("secret");
        }

        @Test
        void jsonThatIsNoExport() {
            assertThatThrownBy(() -> parse("{\"hello\":\"world\"}"))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("no chats and no messages");
        }

        @Test
        void messagesBeforeTheChatId() {
            assertThatThrownBy(() -> parse("{\"messages\":[],\"id\":1}"))
                    .isInstanceOf(ImportRejectedException.class).hasMessageContaining("before its id");
        }
    }

    @Test
    void peerIdsBecomeBotApiIds() {
        assertThat(TelegramDesktopJsonParser.botApiPeerId("user42")).isEqualTo("42");
        assertThat(TelegramDesktopJsonParser.botApiPeerId("channel42")).isEqualTo("-10042");
        assertThat(TelegramDesktopJsonParser.botApiPeerId("chat42")).isEqualTo("-42");
    }
}
