package org.imarchive.connectors.telegram;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Forward;
import org.imarchive.archive.model.Location;
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.MalformedPayloadException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramNormalizerTest {

    private static final String CONNECTION = "Gq7xY2kP_1EAAAAAq3bR9xKmT0c";
    private static final String BOT_ACCOUNT = "bot7712345678";
    private static final String LEA_CHAT = "{\"id\":5128839021,\"first_name\":\"Léa\",\"last_name\":\"Martin\",\"type\":\"private\"}";
    private static final String LEA = "{\"id\":5128839021,\"is_bot\":false,\"first_name\":\"Léa\",\"last_name\":\"Martin\"}";

    private final TelegramNormalizer normalizer = new TelegramNormalizer(BOT_ACCOUNT);

    private List<ArchiveRecord> normalize(byte[] body) {
        return normalizer.normalize(Fixtures.capture(TelegramNormalizer.SOURCE, body));
    }

    private <R extends ArchiveRecord> R only(byte[] body, Class<R> type) {
        List<ArchiveRecord> records = normalize(body);
        assertThat(records).hasSize(1);
        return type.cast(records.get(0));
    }

    /** A business message from Léa with the given content fields, in the Bot API's Update format. */
    private static byte[] fromLea(String contentFields) {
        return Fixtures.utf8("{\"update_id\":874512100,\"business_message\":{\"message_id\":4400,\"from\":" + LEA
                + ",\"chat\":" + LEA_CHAT + ",\"date\":1704070000,\"business_connection_id\":\"" + CONNECTION + "\","
                + contentFields + "}}");
    }

    private static MessageKey key(String chatAndMessage) {
        return new MessageKey(Platform.TELEGRAM, CONNECTION, chatAndMessage);
    }

    @Test
    void telegramCustomerBusinessMessageIsInboundKeyedByChatAndMessageIdWithVerbatimText() {
        ArchivedMessage message = only(Fixtures.bytes("tg_business_message_text.json"), ArchivedMessage.class);

        assertThat(message.messageKey()).isEqualTo(key("5128839021:4312"));
        assertThat(message.channel()).isEqualTo(Channel.TELEGRAM_BOT);
        assertThat(message.platformConversationId()).isEqualTo("5128839021");
        assertThat(message.direction()).isEqualTo(Direction.INBOUND);
        assertThat(message.sender()).isEqualTo(new Participant("5128839021", "Léa Martin"));
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1704063599));
        assertThat(message.capturedAt()).isEqualTo(Fixtures.RECEIVED_AT);
        assertThat(message.provenance()).isEqualTo(Provenance.webhook(42));
        assertThat(message.content().kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.content().text())
                .isEqualTo("Bonjour 👋 voir https://example.com/cmd/4711 : livraison le 31/12/23, 23:59 ?\nMerci #urgent");
    }

    @Test
    void telegramEntityOffsetsInUtf16IndexTheKeptTextDirectly() {
        ArchivedMessage message = only(Fixtures.bytes("tg_business_message_text.json"), ArchivedMessage.class);
        String text = message.content().text();

        assertThat(message.content().details().get("entities"))
                .isEqualTo("[{\"offset\":16,\"length\":28,\"type\":\"url\"},{\"offset\":84,\"length\":7,\"type\":\"hashtag\"}]");
        // the emoji before the URL is two UTF-16 units: offsets land exactly on the entities
        assertThat(text.substring(16, 16 + 28)).isEqualTo("https://example.com/cmd/4711");
        assertThat(text.substring(84, 84 + 7)).isEqualTo("#urgent");
    }

    @Test
    void telegramEditByBusinessBotIsANewVersionAtEditDate() {
        MessageEdit edit = only(Fixtures.bytes("tg_edited_business_message.json"), MessageEdit.class);

        assertThat(edit.messageKey()).isEqualTo(key("5128839021:4313"));
        assertThat(edit.editedAt()).isEqualTo(Instant.ofEpochSecond(1704063725));
        assertThat(edit.platformEditId()).isNull();
        assertThat(edit.content().text()).isEqualTo("Votre commande n°4711 est prête ✅ – retrait 02/01/24, 10:00");
        assertThat(edit.content().details()).containsEntry("sender_business_bot.username", "archivegw_bot");
    }

    @Test
    void telegramMessageSentByTheBusinessBotIsOutboundToTheCustomer() {
        byte[] body = Fixtures.utf8("{\"update_id\":874512006,\"business_message\":{\"message_id\":4313,\"from\":{\"id\":6609871234,"
                + "\"is_bot\":false,\"first_name\":\"Atelier Nord\"},\"chat\":" + LEA_CHAT + ",\"date\":1704063660,"
                + "\"business_connection_id\":\"" + CONNECTION + "\",\"sender_business_bot\":{\"id\":7712345678,\"is_bot\":true,"
                + "\"first_name\":\"ArchiveGW\",\"username\":\"archivegw_bot\"},\"reply_to_message\":{\"message_id\":4312,"
                + "\"from\":" + LEA + ",\"chat\":" + LEA_CHAT + ",\"date\":1704063599,\"text\":\"Bonjour\"},"
                + "\"text\":\"Votre commande est prête\"}}");

        ArchivedMessage message = only(body, ArchivedMessage.class);

        assertThat(message.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(message.sender()).isEqualTo(new Participant("6609871234", "Atelier Nord"));
        assertThat(message.recipients()).containsExactly(new Participant("5128839021", "Léa Martin"));
        assertThat(message.replyToPlatformMessageId()).isEqualTo("5128839021:4312");
    }

    @Test
    void telegramMessageTheOwnerWroteInTheirOwnAppIsOutbound() {
        byte[] body = Fixtures.utf8("{\"update_id\":874512011,\"business_message\":{\"message_id\":4320,\"from\":{\"id\":6609871234,"
                + "\"is_bot\":false,\"first_name\":\"Atelier Nord\"},\"chat\":" + LEA_CHAT + ",\"date\":1704070100,"
                + "\"business_connection_id\":\"" + CONNECTION + "\",\"text\":\"À demain !\"}}");
        assertThat(only(body, ArchivedMessage.class).direction()).isEqualTo(Direction.OUTBOUND);
    }

    @Test
    void telegramDeletedBusinessMessagesBecomeTombstones() {
        List<ArchiveRecord> records = normalize(Fixtures.bytes("tg_deleted_business_messages.json"));

        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r).isInstanceOf(MessageDeletion.class));
        assertThat(records).extracting(ArchiveRecord::messageKey)
                .containsExactly(key("5128839021:4312"), key("5128839021:4313"));
        assertThat(((MessageDeletion) records.get(0)).deletedAt()).isNull();
        assertThat(records.get(0).id()).isNotEqualTo(records.get(1).id());
    }

    @Test
    void telegramPhotoKeepsTheLargestSizeCaptionAndHiddenUserForward() {
        ArchivedMessage message = only(Fixtures.bytes("tg_message_photo_caption.json"), ArchivedMessage.class);

        assertThat(message.messageKey()).isEqualTo(new MessageKey(Platform.TELEGRAM, BOT_ACCOUNT, "-1001987654321:981"));
        assertThat(message.platformConversationId()).isEqualTo("-1001987654321");
        assertThat(message.direction()).isEqualTo(Direction.INBOUND);
        assertThat(message.sender()).isEqualTo(new Participant("431122998", "Jörg Bäcker"));
        assertThat(message.content().kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(message.content().text()).isEqualTo("Scan: Vertrag §4 – bitte prüfen @legal_anna 📎");
        assertThat(message.content().attachments()).containsExactly(Attachment.pending(
                "AgACAgIAAxkBAAIDxWWR1aFakeFakeFakeFakeFake1AAJ0000BBBB0000AQADAgADeQADNAQ", null, null));
        assertThat(message.content().details())
                .containsEntry("photo.width", "1280")
                .containsEntry("photo.file_unique_id", "AQADdM8xG0FAKE1-")
                .containsKey("caption_entities");
        assertThat(message.forward()).isEqualTo(new Forward("Max M.", null, Instant.ofEpochSecond(1704060000), false));
        assertThat(message.content().details()).containsEntry("forward_origin.type", "hidden_user");
    }

    @Test
    void telegramPhotoSizesInAnyOrderStillYieldTheLargest() {
        ArchivedMessage message = only(fromLea("\"photo\":[{\"file_id\":\"big\",\"file_unique_id\":\"b\",\"width\":1280,\"height\":960},"
                + "{\"file_id\":\"small\",\"file_unique_id\":\"s\",\"width\":90,\"height\":67}]"), ArchivedMessage.class);
        assertThat(message.content().attachments()).extracting(Attachment::platformMediaId).containsExactly("big");
        assertThat(message.content().text()).isNull();
    }

    @Test
    void telegramDocumentKeepsFileNameAndMimeType() {
        ArchivedMessage message = only(fromLea("\"document\":{\"file_name\":\"Relevé 12-2023.pdf\",\"mime_type\":\"application/pdf\","
                + "\"file_id\":\"BQACAgIAAxkBAAIE\",\"file_unique_id\":\"AgADdoc\",\"file_size\":48213},\"caption\":\"mon relevé\""),
                ArchivedMessage.class);

        assertThat(message.content().kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(message.content().attachments())
                .containsExactly(Attachment.pending("BQACAgIAAxkBAAIE", "Relevé 12-2023.pdf", "application/pdf"));
        assertThat(message.content().text()).isEqualTo("mon relevé");
        assertThat(message.content().details()).containsEntry("type", "document").containsEntry("document.file_size", "48213");
    }

    @Test
    void telegramVoiceNoteIsMediaWithItsDuration() {
        ArchivedMessage message = only(fromLea("\"voice\":{\"duration\":7,\"mime_type\":\"audio/ogg\",\"file_id\":\"AwACAgIAAxkBAAIF\","
                + "\"file_unique_id\":\"AgADvoice\",\"file_size\":20873}"), ArchivedMessage.class);
        assertThat(message.content().attachments()).containsExactly(Attachment.pending("AwACAgIAAxkBAAIF", null, "audio/ogg"));
        assertThat(message.content().details()).containsEntry("type", "voice").containsEntry("voice.duration", "7");
    }

    @Test
    void telegramAnimationIsTheAnimationNotItsCompatibilityDocument() {
        ArchivedMessage message = only(fromLea("\"animation\":{\"file_id\":\"anim\",\"file_unique_id\":\"a\",\"width\":320,\"height\":240,"
                + "\"duration\":3,\"mime_type\":\"video/mp4\"},\"document\":{\"file_id\":\"anim\",\"file_unique_id\":\"a\","
                + "\"mime_type\":\"video/mp4\"}"), ArchivedMessage.class);
        assertThat(message.content().attachments()).hasSize(1);
        assertThat(message.content().details()).containsEntry("type", "animation");
    }

    @Test
    void telegramStickerVideoAndAudioAreMedia() {
        for (String field : List.of("sticker", "video", "audio", "video_note")) {
            ArchivedMessage message = only(fromLea("\"" + field + "\":{\"file_id\":\"F-" + field + "\",\"file_unique_id\":\"u\"}"),
                    ArchivedMessage.class);
            assertThat(message.content().kind()).as(field).isEqualTo(MessageKind.MEDIA);
            assertThat(message.content().attachments()).extracting(Attachment::platformMediaId).containsExactly("F-" + field);
        }
    }

    @Test
    void telegramLocationAndVenueBecomeLocations() {
        ArchivedMessage point = only(fromLea("\"location\":{\"latitude\":48.8584,\"longitude\":2.2945,\"horizontal_accuracy\":12.5}"),
                ArchivedMessage.class);
        ArchivedMessage venue = only(fromLea("\"venue\":{\"location\":{\"latitude\":48.8606,\"longitude\":2.3376},\"title\":\"Louvre\","
                + "\"address\":\"Rue de Rivoli\"},\"location\":{\"latitude\":48.8606,\"longitude\":2.3376}"), ArchivedMessage.class);

        assertThat(point.content().kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(point.content().location()).isEqualTo(new Location(48.8584, 2.2945, null, null));
        assertThat(point.content().details()).containsEntry("location.horizontal_accuracy", "12.5");
        assertThat(venue.content().location()).isEqualTo(new Location(48.8606, 2.3376, "Louvre", "Rue de Rivoli"));
    }

    @Test
    void telegramContactKeepsNumberNameAndVcard() {
        ArchivedMessage message = only(fromLea("\"contact\":{\"phone_number\":\"+33612345678\",\"first_name\":\"Paul\","
                + "\"user_id\":777000,\"vcard\":\"BEGIN:VCARD\\nEND:VCARD\"}"), ArchivedMessage.class);
        assertThat(message.content().kind()).isEqualTo(MessageKind.CONTACTS);
        assertThat(message.content().details())
                .containsEntry("contact.phone_number", "+33612345678")
                .containsEntry("contact.user_id", "777000")
                .containsEntry("contact.vcard", "BEGIN:VCARD\nEND:VCARD");
    }

    @Test
    void telegramForwardFromUserKeepsNameIdAndDate() {
        ArchivedMessage message = only(fromLea("\"forward_origin\":{\"type\":\"user\",\"date\":1704000000,\"sender_user\":{\"id\":99,"
                + "\"is_bot\":false,\"first_name\":\"Max\",\"last_name\":\"Mustermann\"}},\"text\":\"fwd\""), ArchivedMessage.class);
        assertThat(message.forward()).isEqualTo(new Forward("Max Mustermann", "99", Instant.ofEpochSecond(1704000000), false));
    }

    @Test
    void telegramForwardFromHiddenUserKeepsOnlyTheShownName() {
        ArchivedMessage message = only(fromLea("\"forward_origin\":{\"type\":\"hidden_user\",\"date\":1704000000,"
                + "\"sender_user_name\":\"Anon Trader\"},\"text\":\"buy now\""), ArchivedMessage.class);
        assertThat(message.forward()).isEqualTo(new Forward("Anon Trader", null, Instant.ofEpochSecond(1704000000), false));
    }

    @Test
    void telegramForwardFromChannelPointsAtTheOriginalPost() {
        ArchivedMessage message = only(fromLea("\"forward_origin\":{\"type\":\"channel\",\"date\":1704000000,\"chat\":"
                + "{\"id\":-1001234567890,\"title\":\"Crypto Signals\",\"type\":\"channel\"},\"message_id\":321,"
                + "\"author_signature\":\"Admin\"},\"text\":\"pump\""), ArchivedMessage.class);
        assertThat(message.forward())
                .isEqualTo(new Forward("Crypto Signals", "-1001234567890:321", Instant.ofEpochSecond(1704000000), false));
        assertThat(message.content().details()).containsEntry("forward_origin.author_signature", "Admin")
                .containsEntry("forward_origin.type", "channel");
    }

    @Test
    void telegramForwardFromAnonymousGroupAdminNamesTheChat() {
        ArchivedMessage message = only(fromLea("\"forward_origin\":{\"type\":\"chat\",\"date\":1704000000,\"sender_chat\":"
                + "{\"id\":-1001111111111,\"title\":\"Desk\",\"type\":\"supergroup\"}},\"text\":\"x\""), ArchivedMessage.class);
        assertThat(message.forward()).isEqualTo(new Forward("Desk", "-1001111111111", Instant.ofEpochSecond(1704000000), false));
    }

    @Test
    void telegramForwardOfUnknownOriginIsStillMarkedForwarded() {
        ArchivedMessage message = only(fromLea("\"forward_origin\":{\"type\":\"story\",\"date\":1704000000},\"text\":\"x\""),
                ArchivedMessage.class);
        assertThat(message.forward()).isEqualTo(new Forward(null, null, Instant.ofEpochSecond(1704000000), false));
        assertThat(message.content().details()).containsEntry("forward_origin.type", "story");
    }

    @Test
    void telegramQuotedReplyKeepsTargetAndQuote() {
        ArchivedMessage message = only(fromLea("\"reply_to_message\":{\"message_id\":4313,\"chat\":" + LEA_CHAT + ",\"date\":1704063660,"
                + "\"text\":\"Votre commande n°4711 est prête\"},\"quote\":{\"text\":\"n°4711\",\"position\":15},\"text\":\"merci\""),
                ArchivedMessage.class);
        assertThat(message.replyToPlatformMessageId()).isEqualTo("5128839021:4313");
        assertThat(message.content().details()).containsEntry("quote.text", "n°4711").containsEntry("quote.position", "15");
    }

    @Test
    void unknownTelegramContentIsKeptAsUnsupported() {
        ArchivedMessage message = only(fromLea("\"poll\":{\"id\":\"p1\",\"question\":\"Rendez-vous ?\",\"options\":"
                + "[{\"text\":\"lundi\",\"voter_count\":0}],\"type\":\"regular\"}"), ArchivedMessage.class);
        assertThat(message.content().kind()).isEqualTo(MessageKind.UNSUPPORTED);
        assertThat(message.content().details())
                .containsEntry("type", "poll")
                .containsEntry("poll.question", "Rendez-vous ?")
                .containsEntry("poll.options.0.text", "lundi");
    }

    @Test
    void telegramServiceMessageIsSystem() {
        byte[] body = Fixtures.utf8("{\"update_id\":5,\"message\":{\"message_id\":982,\"from\":{\"id\":431122998,\"is_bot\":false,"
                + "\"first_name\":\"Jörg\"},\"chat\":{\"id\":-1001987654321,\"title\":\"Ops\",\"type\":\"supergroup\"},\"date\":1704067300,"
                + "\"pinned_message\":{\"message_id\":981,\"chat\":{\"id\":-1001987654321,\"type\":\"supergroup\"},\"date\":1704067200,\"text\":\"x\"}}}");
        ArchivedMessage message = only(body, ArchivedMessage.class);
        assertThat(message.content().kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(message.content().details()).containsEntry("type", "pinned_message").containsEntry("pinned_message", "981");
    }

    @Test
    void telegramBotChatEditIsANewVersionUnderTheBotAccount() {
        byte[] body = Fixtures.utf8("{\"update_id\":6,\"edited_message\":{\"message_id\":981,\"from\":{\"id\":431122998,\"is_bot\":false,"
                + "\"first_name\":\"Jörg\"},\"chat\":{\"id\":-1001987654321,\"title\":\"Ops\",\"type\":\"supergroup\"},\"date\":1704067200,"
                + "\"edit_date\":1704067999,\"text\":\"korrigiert\"}}");
        MessageEdit edit = only(body, MessageEdit.class);
        assertThat(edit.messageKey()).isEqualTo(new MessageKey(Platform.TELEGRAM, BOT_ACCOUNT, "-1001987654321:981"));
        assertThat(edit.editedAt()).isEqualTo(Instant.ofEpochSecond(1704067999));
    }

    @Test
    void telegramChannelPostIsArchivedAsTheFirmsOutboundBroadcast() {
        byte[] body = Fixtures.utf8("{\"update_id\":7,\"channel_post\":{\"message_id\":55,\"sender_chat\":{\"id\":-1002222222222,"
                + "\"title\":\"Atelier Nord News\",\"type\":\"channel\"},\"chat\":{\"id\":-1002222222222,\"title\":\"Atelier Nord News\","
                + "\"type\":\"channel\"},\"date\":1704067300,\"author_signature\":\"Eva\",\"text\":\"Horaires de fêtes\"}}");
        ArchivedMessage message = only(body, ArchivedMessage.class);
        assertThat(message.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(message.sender()).isEqualTo(new Participant("-1002222222222", "Atelier Nord News"));
        assertThat(message.messageKey().accountId()).isEqualTo(BOT_ACCOUNT);
        assertThat(message.content().details()).containsEntry("author_signature", "Eva");
    }

    @Test
    void businessConnectionIsNoRecordButParsesAsConnectionEvent() {
        byte[] body = Fixtures.utf8("{\"update_id\":8,\"business_connection\":{\"id\":\"" + CONNECTION + "\",\"user\":{\"id\":6609871234,"
                + "\"is_bot\":false,\"first_name\":\"Atelier\",\"last_name\":\"Nord\",\"username\":\"ateliernord\"},\"user_chat_id\":6609871234,"
                + "\"date\":1704000000,\"rights\":{\"can_reply\":true,\"can_read_messages\":true,\"can_delete_all_messages\":false},"
                + "\"is_enabled\":true}}");
        CaptureRecord capture = Fixtures.capture(TelegramNormalizer.SOURCE, body);

        assertThat(normalizer.normalize(capture)).isEmpty();
        BusinessConnectionEvent event = normalizer.parseBusinessConnection(capture).orElseThrow();
        assertThat(event.connectionId()).isEqualTo(CONNECTION);
        assertThat(event.userId()).isEqualTo("6609871234");
        assertThat(event.userName()).isEqualTo("Atelier Nord");
        assertThat(event.username()).isEqualTo("ateliernord");
        assertThat(event.userChatId()).isEqualTo("6609871234");
        assertThat(event.date()).isEqualTo(Instant.ofEpochSecond(1704000000));
        assertThat(event.enabled()).isTrue();
        assertThat(event.rights()).containsEntry("can_reply", true).containsEntry("can_read_messages", true)
                .containsEntry("can_delete_all_messages", false);
    }

    @Test
    void olderBusinessConnectionWithOnlyCanReplyKeepsThatRight() {
        byte[] body = Fixtures.utf8("{\"update_id\":9,\"business_connection\":{\"id\":\"c2\",\"user\":{\"id\":1,\"is_bot\":false,"
                + "\"first_name\":\"A\"},\"user_chat_id\":1,\"date\":1704000000,\"can_reply\":false,\"is_enabled\":false}}");
        BusinessConnectionEvent event = normalizer.parseBusinessConnection(Fixtures.capture(TelegramNormalizer.SOURCE, body)).orElseThrow();
        assertThat(event.rights()).containsExactlyEntriesOf(java.util.Map.of("can_reply", false));
        assertThat(event.enabled()).isFalse();
    }

    @Test
    void messageUpdateIsNoBusinessConnection() {
        assertThat(normalizer.parseBusinessConnection(Fixtures.capture(TelegramNormalizer.SOURCE,
                Fixtures.bytes("tg_business_message_text.json")))).isEmpty();
    }

    @Test
    void otherUpdateKindsHoldNothingToArchive() {
        assertThat(normalize(Fixtures.utf8("{\"update_id\":10,\"message_reaction\":{\"chat\":{\"id\":1,\"type\":\"private\"},"
                + "\"message_id\":4,\"date\":1704000000,\"old_reaction\":[],\"new_reaction\":[]}}"))).isEmpty();
    }

    @Test
    void sameUpdateNormalizesToSameIds() {
        CaptureRecord capture = Fixtures.capture(TelegramNormalizer.SOURCE, Fixtures.bytes("tg_deleted_business_messages.json"));
        List<ArchiveRecord> first = normalizer.normalize(capture);
        assertThat(normalizer.normalize(capture)).isEqualTo(first);
        assertThat(first).extracting(ArchiveRecord::id).doesNotContain(StableIds.UNNAMED);
    }

    @Test
    void bodyThatIsNotAnUpdateIsMalformedWithoutQuotingIt() {
        assertThatThrownBy(() -> normalize(Fixtures.utf8("{\"message\":{\"text\":\"confidential\"}}")))
                .isInstanceOf(MalformedPayloadException.class).hasMessage("not a Telegram Update: no update_id");
        assertThatThrownBy(() -> normalize(Fixtures.utf8("confidential words")))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("body is not JSON").hasMessageNotContaining("confidential").hasNoCause();
    }

    @Test
    void businessMessageWithoutChatIsMalformed() {
        assertThatThrownBy(() -> normalize(Fixtures.utf8("{\"update_id\":11,\"business_message\":{\"message_id\":1,"
                + "\"business_connection_id\":\"c\",\"date\":1704000000,\"text\":\"x\"}}")))
                .isInstanceOf(MalformedPayloadException.class).hasMessage("message.chat has no id");
    }

    @Test
    void normalizerNeedsTheBotAccount() {
        assertThatThrownBy(() -> new TelegramNormalizer(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
