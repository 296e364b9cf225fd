package org.imarchive.connectors.whatsappcloud;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.DeliveryEvent;
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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatsAppCloudNormalizerTest {

    private static final String PHONE_NUMBER_ID = "106540352242922";
    private static final String METADATA = "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"}";
    private static final String CONTACTS = "\"contacts\":[{\"profile\":{\"name\":\"Ana \\ud83c\\udf3b\"},\"wa_id\":\"5511987654321\"}]";

    private final WhatsAppCloudNormalizer normalizer = new WhatsAppCloudNormalizer();

    private List<ArchiveRecord> normalize(byte[] body) {
        return normalizer.normalize(Fixtures.capture(WhatsAppCloudNormalizer.SOURCE, body));
    }

    private <R extends ArchiveRecord> R only(byte[] body, Class<R> type) {
        List<ArchiveRecord> records = normalize(body);
        assertThat(records).hasSize(1);
        return type.cast(records.get(0));
    }

    /** One customer message of the given type, in the documented envelope. */
    private static byte[] customerMessage(String typeAndContent) {
        return Fixtures.webhook("messages", "{" + METADATA + "," + CONTACTS + ",\"messages\":[{\"from\":\"5511987654321\","
                + "\"id\":\"wamid.VARIANT1\",\"timestamp\":\"1704067300\"," + typeAndContent + "}]}");
    }

    private static MessageKey key(String wamid) {
        return new MessageKey(Platform.WHATSAPP, PHONE_NUMBER_ID, wamid);
    }

    @Test
    void metaTextKeepsUnicodeVerbatimAndNamesTheSenderFromContacts() {
        ArchivedMessage message = only(Fixtures.bytes("wa_cloud_text.json"), ArchivedMessage.class);

        assertThat(message.messageKey()).isEqualTo(key("wamid.HBgNNDkxNTEyMzQ1Njc4ORUCABIYFjNFQjBDNDdGNkE1RTQxQTJCMUQwOUMA"));
        assertThat(message.channel()).isEqualTo(Channel.WHATSAPP_CLOUD);
        assertThat(message.direction()).isEqualTo(Direction.INBOUND);
        assertThat(message.platformConversationId()).isEqualTo("4915123456789");
        assertThat(message.sender()).isEqualTo(new Participant("4915123456789", "José Müller"));
        assertThat(message.recipients()).containsExactly(Participant.of("15550783881"));
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(1704063599));
        assertThat(message.capturedAt()).isEqualTo(Fixtures.RECEIVED_AT);
        assertThat(message.provenance()).isEqualTo(Provenance.webhook(42));
        assertThat(message.content().kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.content().text())
                .isEqualTo("Guten Tag! Rechnung #4711 – Betrag: 1.299,00 €\nBitte bis 31/12/23 bestätigen 👍");
    }

    @Test
    void metaImageBecomesPendingAttachmentWithPlatformHashAndCaptionAsText() {
        ArchivedMessage message = only(Fixtures.bytes("wa_cloud_image_caption.json"), ArchivedMessage.class);

        assertThat(message.content().kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(message.content().text()).isEqualTo("Comprovante do pagamento (café ☕)");
        assertThat(message.content().attachments()).containsExactly(new Attachment("1013859600285441", null, "image/jpeg",
                null, null, Attachment.State.PENDING, "q7W3nF0pX2r8bYw1K9eT5uLz4VdA6sJmC0hG+/iR2o8="));
        assertThat(message.sender().displayName()).isEqualTo("Ana 🌻");
        assertThat(message.content().details()).containsEntry("type", "image").doesNotContainKey("image.url");
    }

    @Test
    void metaDeliveredStatusBecomesDeliveryEventAtMetasTime() {
        DeliveryEvent event = only(Fixtures.bytes("wa_cloud_status_delivered.json"), DeliveryEvent.class);

        assertThat(event.messageKey()).isEqualTo(key("wamid.HBgNNDkxNTEyMzQ1Njc4ORUCABEYEjk4QTdCNkM1RDRFM0YyQTEwOQA="));
        assertThat(event.status()).isEqualTo("delivered");
        assertThat(event.at()).isEqualTo(Instant.ofEpochSecond(1704067260));
        assertThat(event.errorCode()).isNull();
        assertThat(event.errorMessage()).isNull();
    }

    @Test
    void metaFailedStatusKeepsErrorCodeAndReason() {
        byte[] body = Fixtures.webhook("messages", "{" + METADATA + ",\"statuses\":[{\"id\":\"wamid.OUT1\",\"status\":\"failed\","
                + "\"timestamp\":\"1704067400\",\"recipient_id\":\"5511987654321\",\"errors\":[{\"code\":131047,"
                + "\"title\":\"Re-engagement message\",\"message\":\"Re-engagement message\",\"error_data\":{\"details\":"
                + "\"Message failed to send because more than 24 hours have passed since the customer last replied to this number.\"}}]}]}");

        DeliveryEvent event = only(body, DeliveryEvent.class);

        assertThat(event.status()).isEqualTo("failed");
        assertThat(event.errorCode()).isEqualTo("131047");
        assertThat(event.errorMessage()).isEqualTo("Re-engagement message: Message failed to send because more than 24 hours "
                + "have passed since the customer last replied to this number.");
    }

    @Test
    void onePayloadWithManyMessagesAndStatusesReturnsThemAll() {
        byte[] body = Fixtures.webhook("messages", "{" + METADATA + "," + CONTACTS + ",\"messages\":["
                + "{\"from\":\"5511987654321\",\"id\":\"wamid.A\",\"timestamp\":\"1704067300\",\"type\":\"text\",\"text\":{\"body\":\"one\"}},"
                + "{\"from\":\"5511987654321\",\"id\":\"wamid.B\",\"timestamp\":\"1704067301\",\"type\":\"text\",\"text\":{\"body\":\"two\"}}],"
                + "\"statuses\":[{\"id\":\"wamid.OUT1\",\"status\":\"read\",\"timestamp\":\"1704067302\",\"recipient_id\":\"5511987654321\"}]}");

        assertThat(normalize(body)).extracting(r -> r.messageKey().platformMessageId())
                .containsExactly("wamid.A", "wamid.B", "wamid.OUT1");
    }

    @Test
    void metaLocationBecomesLocationWithNameAndAddress() {
        ArchivedMessage message = only(customerMessage("\"type\":\"location\",\"location\":{\"latitude\":-23.5617,"
                + "\"longitude\":-46.656,\"name\":\"MASP\",\"address\":\"Av. Paulista, 1578\",\"url\":\"https:\\/\\/masp.org.br\"}"),
                ArchivedMessage.class);

        assertThat(message.content().kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(message.content().location()).isEqualTo(new Location(-23.5617, -46.656, "MASP", "Av. Paulista, 1578"));
        assertThat(message.content().details()).containsEntry("location.url", "https://masp.org.br");
    }

    @Test
    void metaContactsCardKeepsNamesAndPhonesInDetails() {
        ArchivedMessage message = only(customerMessage("\"type\":\"contacts\",\"contacts\":[{\"name\":{\"formatted_name\":"
                + "\"Carla Souza\",\"first_name\":\"Carla\"},\"phones\":[{\"phone\":\"+55 11 91234-5678\",\"wa_id\":\"5511912345678\","
                + "\"type\":\"CELL\"}],\"org\":{\"company\":\"Souza Ltda\"}}]"), ArchivedMessage.class);

        assertThat(message.content().kind()).isEqualTo(MessageKind.CONTACTS);
        assertThat(message.content().details())
                .containsEntry("contacts.0.name.formatted_name", "Carla Souza")
                .containsEntry("contacts.0.phones.0.phone", "+55 11 91234-5678")
                .containsEntry("contacts.0.phones.0.wa_id", "5511912345678")
                .containsEntry("contacts.0.org.company", "Souza Ltda");
    }

    @Test
    void metaButtonReplyIsInteractiveWithTheTappedTitleAndId() {
        ArchivedMessage message = only(customerMessage("\"context\":{\"from\":\"15550783881\",\"id\":\"wamid.OFFER\"},"
                + "\"type\":\"interactive\",\"interactive\":{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"accept-4711\","
                + "\"title\":\"Accept offer\"}}"), ArchivedMessage.class);

        assertThat(message.content().kind()).isEqualTo(MessageKind.INTERACTIVE);
        assertThat(message.content().text()).isEqualTo("Accept offer");
        assertThat(message.content().details())
                .containsEntry("interactive.type", "button_reply")
                .containsEntry("interactive.button_reply.id", "accept-4711")
                .containsEntry("context.from", "15550783881");
        assertThat(message.replyToPlatformMessageId()).isEqualTo("wamid.OFFER");
    }

    @Test
    void metaListReplyAndFlowReplyKeepWhatTheCustomerChose() {
        ArchivedMessage list = only(customerMessage("\"type\":\"interactive\",\"interactive\":{\"type\":\"list_reply\","
                + "\"list_reply\":{\"id\":\"fund-7\",\"title\":\"Global Equity\",\"description\":\"Risk class 5\"}}"), ArchivedMessage.class);
        ArchivedMessage flow = only(customerMessage("\"type\":\"interactive\",\"interactive\":{\"type\":\"nfm_reply\","
                + "\"nfm_reply\":{\"name\":\"flow\",\"body\":\"Sent\",\"response_json\":\"{\\\"amount\\\":\\\"5000\\\"}\"}}"), ArchivedMessage.class);

        assertThat(list.content().text()).isEqualTo("Global Equity");
        assertThat(list.content().details()).containsEntry("interactive.list_reply.description", "Risk class 5");
        assertThat(flow.content().text()).isEqualTo("Sent");
        assertThat(flow.content().details()).containsEntry("interactive.nfm_reply.response_json", "{\"amount\":\"5000\"}");
    }

    @Test
    void metaTemplateQuickReplyButtonKeepsPayload() {
        ArchivedMessage message = only(customerMessage("\"type\":\"button\",\"button\":{\"payload\":\"STOP_PROMOS\",\"text\":\"Stop promotions\"}"),
                ArchivedMessage.class);
        assertThat(message.content().kind()).isEqualTo(MessageKind.INTERACTIVE);
        assertThat(message.content().text()).isEqualTo("Stop promotions");
        assertThat(message.content().details()).containsEntry("button.payload", "STOP_PROMOS");
    }

    @Test
    void metaReactionPointsAtItsTargetWithEmojiInDetails() {
        ArchivedMessage message = only(customerMessage("\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.TARGET\","
                + "\"emoji\":\"\\ud83d\\udc4d\"}"), ArchivedMessage.class);

        assertThat(message.content().kind()).isEqualTo(MessageKind.REACTION);
        assertThat(message.replyToPlatformMessageId()).isEqualTo("wamid.TARGET");
        assertThat(message.content().details()).containsEntry("reaction.emoji", "👍").doesNotContainKey("reaction.removed");
    }

    @Test
    void metaReactionWithoutEmojiIsARemovedReaction() {
        ArchivedMessage message = only(customerMessage("\"type\":\"reaction\",\"reaction\":{\"message_id\":\"wamid.TARGET\"}"),
                ArchivedMessage.class);
        assertThat(message.content().details()).containsEntry("reaction.removed", "true").doesNotContainKey("reaction.emoji");
    }

    @Test
    void metaEditBecomesNewVersionOfOriginal() {
        ArchiveRecord record = only(customerMessage("\"type\":\"edit\",\"edit\":{\"original_message_id\":\"wamid.ORIGINAL\","
                + "\"message\":{\"context\":{\"id\":\"wamid.CTX\"},\"type\":\"text\",\"text\":{\"body\":\"Betrag korrigiert: 1.199,00 \\u20ac\"}}}"),
                ArchiveRecord.class);

        assertThat(record).isInstanceOf(MessageEdit.class);
        MessageEdit edit = (MessageEdit) record;
        assertThat(edit.messageKey()).isEqualTo(key("wamid.ORIGINAL"));
        assertThat(edit.platformEditId()).isEqualTo("wamid.VARIANT1");
        assertThat(edit.editedAt()).isEqualTo(Instant.ofEpochSecond(1704067300));
        assertThat(edit.content().text()).isEqualTo("Betrag korrigiert: 1.199,00 €");
    }

    @Test
    void metaEditOfCaptionKeepsTheMediaReference() {
        MessageEdit edit = only(customerMessage("\"type\":\"edit\",\"edit\":{\"original_message_id\":\"wamid.ORIGINAL\","
                + "\"message\":{\"type\":\"image\",\"image\":{\"caption\":\"new caption\",\"mime_type\":\"image\\/jpeg\","
                + "\"sha256\":\"abc=\",\"id\":\"777\"}}}"), MessageEdit.class);
        assertThat(edit.content().kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(edit.content().text()).isEqualTo("new caption");
        assertThat(edit.content().attachments()).extracting(Attachment::platformMediaId).containsExactly("777");
    }

    @Test
    void metaRevokeBecomesTombstoneOfOriginal() {
        MessageDeletion deletion = only(customerMessage("\"type\":\"revoke\",\"revoke\":{\"original_message_id\":\"wamid.ORIGINAL\"}"),
                MessageDeletion.class);
        assertThat(deletion.messageKey()).isEqualTo(key("wamid.ORIGINAL"));
        assertThat(deletion.deletedAt()).isEqualTo(Instant.ofEpochSecond(1704067300));
    }

    @Test
    void businessAppEchoIsOutboundFromTheBusinessToTheCustomer() {
        byte[] body = Fixtures.webhook("smb_message_echoes", "{" + METADATA + ",\"message_echoes\":[{\"from\":\"15550783881\","
                + "\"to\":\"5511987654321\",\"id\":\"wamid.ECHO1\",\"timestamp\":\"1704067500\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Segue o boleto.\"}}]}");

        ArchivedMessage message = only(body, ArchivedMessage.class);

        assertThat(message.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(message.messageKey()).isEqualTo(key("wamid.ECHO1"));
        assertThat(message.sender()).isEqualTo(Participant.of("15550783881"));
        assertThat(message.recipients()).containsExactly(Participant.of("5511987654321"));
        assertThat(message.platformConversationId()).isEqualTo("5511987654321");
        assertThat(message.content().text()).isEqualTo("Segue o boleto.");
    }

    @Test
    void businessAppEchoedEditAndRevokeAreVersionsAndTombstones() {
        byte[] body = Fixtures.webhook("smb_message_echoes", "{" + METADATA + ",\"message_echoes\":["
                + "{\"from\":\"15550783881\",\"to\":\"5511987654321\",\"id\":\"wamid.E2\",\"timestamp\":\"1704067600\",\"type\":\"edit\","
                + "\"edit\":{\"original_message_id\":\"wamid.ECHO1\",\"message\":{\"type\":\"text\",\"text\":{\"body\":\"Segue o boleto atualizado.\"}}}},"
                + "{\"from\":\"15550783881\",\"to\":\"5511987654321\",\"id\":\"wamid.E3\",\"timestamp\":\"1704067700\",\"type\":\"revoke\","
                + "\"revoke\":{\"original_message_id\":\"wamid.ECHO1\"}}]}");

        List<ArchiveRecord> records = normalize(body);

        assertThat(records).hasSize(2);
        assertThat(records.get(0)).isInstanceOf(MessageEdit.class);
        assertThat(records.get(1)).isInstanceOf(MessageDeletion.class);
        assertThat(records).extracting(ArchiveRecord::messageKey).containsOnly(key("wamid.ECHO1"));
    }

    @Test
    void metaForwardedContextBecomesForward() {
        ArchivedMessage message = only(customerMessage("\"context\":{\"forwarded\":true,\"frequently_forwarded\":true},"
                + "\"type\":\"text\",\"text\":{\"body\":\"read this\"}"), ArchivedMessage.class);
        assertThat(message.forward()).isEqualTo(new Forward(null, null, null, true));
        assertThat(message.replyToPlatformMessageId()).isNull();
    }

    @Test
    void metaDocumentKeepsFileNameMimeTypeAndPlatformHash() {
        ArchivedMessage message = only(customerMessage("\"type\":\"document\",\"document\":{\"filename\":\"Kontoauszug 12-2023.pdf\","
                + "\"mime_type\":\"application\\/pdf\",\"sha256\":\"c2hhMjU2\",\"id\":\"889900\"}"), ArchivedMessage.class);
        assertThat(message.content().attachments()).containsExactly(new Attachment("889900", "Kontoauszug 12-2023.pdf",
                "application/pdf", null, null, Attachment.State.PENDING, "c2hhMjU2"));
        assertThat(message.content().text()).isNull();
    }

    @Test
    void metaVoiceNoteIsMediaMarkedAsVoice() {
        ArchivedMessage message = only(customerMessage("\"type\":\"audio\",\"audio\":{\"mime_type\":\"audio\\/ogg; codecs=opus\","
                + "\"sha256\":\"dm9pY2U=\",\"id\":\"445566\",\"voice\":true}"), ArchivedMessage.class);
        assertThat(message.content().kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(message.content().attachments().get(0).mediaType()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(message.content().details()).containsEntry("audio.voice", "true");
    }

    @Test
    void metaSystemMessageIsSystemWithItsBody() {
        ArchivedMessage message = only(customerMessage("\"type\":\"system\",\"system\":{\"body\":\"User A changed from 5511987654321 "
                + "to 5511900000000\",\"wa_id\":\"5511900000000\",\"type\":\"user_changed_number\"}"), ArchivedMessage.class);
        assertThat(message.content().kind()).isEqualTo(MessageKind.SYSTEM);
        assertThat(message.content().text()).startsWith("User A changed from");
        assertThat(message.content().details()).containsEntry("system.type", "user_changed_number");
    }

    @Test
    void metaOrderKeepsItsProductItems() {
        ArchivedMessage message = only(customerMessage("\"type\":\"order\",\"order\":{\"catalog_id\":\"cat-1\",\"text\":\"please deliver\","
                + "\"product_items\":[{\"product_retailer_id\":\"sku-9\",\"quantity\":2,\"item_price\":19.9,\"currency\":\"BRL\"}]}"),
                ArchivedMessage.class);
        assertThat(message.content().text()).isEqualTo("please deliver");
        assertThat(message.content().details()).containsEntry("type", "order")
                .containsEntry("order.product_items.0.product_retailer_id", "sku-9")
                .containsEntry("order.product_items.0.quantity", "2");
    }

    @Test
    void unsupportedMessageKeepsMetasErrors() {
        ArchivedMessage message = only(customerMessage("\"type\":\"unsupported\",\"unsupported\":{\"type\":\"edit\"},"
                + "\"errors\":[{\"code\":131051,\"title\":\"Message type unknown\",\"message\":\"Message type unknown\","
                + "\"error_data\":{\"details\":\"Message type is currently not supported.\"}}]"), ArchivedMessage.class);
        assertThat(message.content().kind()).isEqualTo(MessageKind.UNSUPPORTED);
        assertThat(message.content().details())
                .containsEntry("type", "unsupported")
                .containsEntry("unsupported.type", "edit")
                .containsEntry("errors.0.code", "131051");
    }

    @Test
    void unknownMetaTypeIsKeptAsUnsupported() {
        ArchivedMessage message = only(customerMessage("\"type\":\"hologram\",\"hologram\":{\"id\":\"h-1\",\"depth\":3}"),
                ArchivedMessage.class);
        assertThat(message.content().kind()).isEqualTo(MessageKind.UNSUPPORTED);
        assertThat(message.content().details())
                .containsEntry("type", "hologram")
                .containsEntry("hologram.id", "h-1")
                .containsEntry("hologram.depth", "3");
    }

    @Test
    void usernameCustomerWithoutWaIdIsNamedByBusinessScopedUserId() {
        byte[] body = Fixtures.webhook("messages", "{" + METADATA + ",\"contacts\":[{\"profile\":{\"name\":\"Lu\"},"
                + "\"user_id\":\"PE.96770001\"}],\"messages\":[{\"from_user_id\":\"PE.96770001\",\"id\":\"wamid.U1\","
                + "\"timestamp\":\"1704067300\",\"type\":\"text\",\"text\":{\"body\":\"oi\"}}]}");

        ArchivedMessage message = only(body, ArchivedMessage.class);

        assertThat(message.sender()).isEqualTo(new Participant("PE.96770001", "Lu"));
        assertThat(message.platformConversationId()).isEqualTo("PE.96770001");
        assertThat(message.content().details()).containsEntry("from_user_id", "PE.96770001");
    }

    @Test
    void otherWebhookFieldsHoldNothingToArchive() {
        assertThat(normalize(Fixtures.webhook("account_update", "{\"phone_number\":\"15550783881\",\"event\":\"VERIFIED_ACCOUNT\"}")))
                .isEmpty();
        assertThat(normalize("{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void sameUpdateNormalizesToSameIds() {
        CaptureRecord capture = Fixtures.capture(WhatsAppCloudNormalizer.SOURCE, Fixtures.bytes("wa_cloud_image_caption.json"));
        List<ArchiveRecord> first = normalizer.normalize(capture);
        assertThat(normalizer.normalize(capture)).isEqualTo(first);
        assertThat(first.get(0).id()).isNotEqualTo(StableIds.UNNAMED);
    }

    @Test
    void bodyThatIsNotJsonIsMalformedWithoutQuotingIt() {
        assertThatThrownBy(() -> normalize("secret text, not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessageStartingWith("body is not JSON")
                .hasMessageNotContaining("secret")
                .hasNoCause();
    }

    @Test
    void otherGraphObjectIsMalformed() {
        assertThatThrownBy(() -> normalize("{\"object\":\"page\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("whatsapp_business_account");
    }

    @Test
    void duplicateKeysAreMalformed() {
        assertThatThrownBy(() -> normalize(customerMessage("\"type\":\"text\",\"text\":{\"body\":\"a\",\"body\":\"b\"}")))
                .isInstanceOf(MalformedPayloadException.class);
    }

    @Test
    void aMalformedMessageDoesNotCostItsNeighbours() {
        byte[] body = Fixtures.webhook("messages", "{" + METADATA + ",\"messages\":["
                + "{\"from\":\"5511987654321\",\"timestamp\":\"1704067300\",\"type\":\"text\",\"text\":{\"body\":\"no id\"}},"
                + "{\"from\":\"5511987654321\",\"id\":\"wamid.GOOD\",\"timestamp\":\"1704067301\",\"type\":\"text\",\"text\":{\"body\":\"fine\"}}]}");
        List<ArchiveRecord> records = normalize(body);
        assertThat(records).hasSize(2);
        ArchivedMessage malformed = (ArchivedMessage) records.get(0);
        assertThat(malformed.content().kind()).isEqualTo(MessageKind.UNSUPPORTED);
        assertThat(malformed.content().details()).containsEntry("malformed", "message has no id").containsKey("raw");
        assertThat(malformed.messageKey().platformMessageId()).startsWith("malformed:");
        assertThat(((ArchivedMessage) records.get(1)).content().text()).isEqualTo("fine");
        assertThat(normalize(body)).as("the same webhook again gives the same records").isEqualTo(records);
    }
}
