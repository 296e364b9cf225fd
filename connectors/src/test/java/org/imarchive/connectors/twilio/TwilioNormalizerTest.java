package org.imarchive.connectors.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Forward;
import org.imarchive.archive.model.Location;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.MalformedPayloadException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioNormalizerTest {

    private final TwilioNormalizer normalizer = new TwilioNormalizer();

    private ArchivedMessage inbound(byte[] body) {
        List<ArchiveRecord> records = normalizer.normalize(Fixtures.capture(TwilioNormalizer.INBOUND_SOURCE, body));
        assertThat(records).hasSize(1);
        return (ArchivedMessage) records.get(0);
    }

    private DeliveryEvent status(byte[] body) {
        List<ArchiveRecord> records = normalizer.normalize(Fixtures.capture(TwilioNormalizer.STATUS_SOURCE, body));
        assertThat(records).hasSize(1);
        return (DeliveryEvent) records.get(0);
    }

    /** A typical inbound form, for variants the fixtures do not show. */
    private static Map<String, String> inboundForm(String messageType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsMessageSid", "SM0000aaaa1111bbbb2222cccc3333dddd");
        form.put("NumMedia", "0");
        form.put("ProfileName", "Ana 🌻");
        form.put("MessageType", messageType);
        form.put("WaId", "5511987654321");
        form.put("SmsStatus", "received");
        form.put("Body", "");
        form.put("To", "whatsapp:+14155238886");
        form.put("MessageSid", "SM0000aaaa1111bbbb2222cccc3333dddd");
        form.put("AccountSid", "ACa1b2c3d4e5f60718293a4b5c6d7e8f90");
        form.put("From", "whatsapp:+5511987654321");
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    @Test
    void twilioImageWithTwoLineCaptionBecomesPendingAttachmentAndVerbatimText() {
        ArchivedMessage message = inbound(Fixtures.bytes("twilio_wa_inbound_image.form"));

        assertThat(message.content().kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(message.content().text()).isEqualTo("Rechnung #4711 – bitte prüfen ✅\nZeile 2: Betrag 1.299,00 €");
        assertThat(message.content().attachments()).containsExactly(Attachment.pending(
                "https://api.twilio.com/2010-04-01/Accounts/ACa1b2c3d4e5f60718293a4b5c6d7e8f90/Messages/"
                        + "MM5f1e0c9a7b3d4e2f8a6b1c0d9e8f7a6b/Media/ME3c2b1a0f9e8d7c6b5a4938271605f4e3",
                null, "image/jpeg"));
        assertThat(message.content().attachments().get(0).state()).isEqualTo(Attachment.State.PENDING);
    }

    @Test
    void twilioInboundIsKeyedByBusinessNumberAndFiledUnderTheCustomer() {
        ArchivedMessage message = inbound(Fixtures.bytes("twilio_wa_inbound_image.form"));

        assertThat(message.messageKey())
                .isEqualTo(new MessageKey(Platform.WHATSAPP, "+14155238886", "MM5f1e0c9a7b3d4e2f8a6b1c0d9e8f7a6b"));
        assertThat(message.channel()).isEqualTo(Channel.TWILIO);
        assertThat(message.direction()).isEqualTo(Direction.INBOUND);
        assertThat(message.platformConversationId()).isEqualTo("+4915123456789");
        assertThat(message.sender()).isEqualTo(new Participant("+4915123456789", "José Müller"));
        assertThat(message.recipients()).containsExactly(Participant.of("+14155238886"));
        assertThat(message.provenance()).isEqualTo(Provenance.webhook(42));
        assertThat(message.content().details())
                .containsEntry("MessagingServiceSid", "MG0f9e8d7c6b5a49382716051f4e3d2c1b")
                .containsEntry("MessageType", "image")
                .containsEntry("WaId", "4915123456789")
                .containsEntry("AccountSid", "ACa1b2c3d4e5f60718293a4b5c6d7e8f90")
                .doesNotContainKey("ReferralNumMedia");
    }

    @Test
    void twilioInboundSentAtIsTheCaptureTimeBecauseTwilioSendsNoTimestamp() {
        ArchivedMessage message = inbound(Fixtures.bytes("twilio_wa_inbound_reply_text.form"));
        assertThat(message.sentAt()).isEqualTo(Fixtures.RECEIVED_AT);
        assertThat(message.capturedAt()).isEqualTo(Fixtures.RECEIVED_AT);
    }

    @Test
    void twilioSwipeReplyKeepsRepliedSidForwardFlagAndTextThatLooksLikeAnExportHeader() {
        ArchivedMessage message = inbound(Fixtures.bytes("twilio_wa_inbound_reply_text.form"));

        assertThat(message.content().kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.content().text()).isEqualTo("Sim, confirmo: 31/12/23, 23:59 - entrega OK");
        assertThat(message.replyToPlatformMessageId()).isEqualTo("SM11112222333344445555666677778888");
        assertThat(message.forward()).isEqualTo(new Forward(null, null, null, false));
        assertThat(message.sender().displayName()).isEqualTo("Ana 🌻");
        assertThat(message.content().details()).containsEntry("OriginalRepliedMessageSender", "whatsapp:+14155238886");
    }

    @Test
    void twilioFrequentlyForwardedIsMarked() {
        Map<String, String> form = inboundForm("text");
        form.put("Body", "pass it on");
        form.put("Forwarded", "true");
        form.put("FrequentlyForwarded", "true");
        assertThat(inbound(Fixtures.form(form)).forward()).isEqualTo(new Forward(null, null, null, true));
    }

    @Test
    void twilioMessageNotForwardedHasNoForward() {
        assertThat(inbound(Fixtures.bytes("twilio_wa_inbound_image.form")).forward()).isNull();
    }

    @Test
    void twilioReadStatusBecomesDeliveryEventOfTheBusinessNumber() {
        DeliveryEvent event = status(Fixtures.bytes("twilio_wa_status_read.form"));

        assertThat(event.messageKey())
                .isEqualTo(new MessageKey(Platform.WHATSAPP, "+14155238886", "SM99990000aaaabbbbccccddddeeeeffff"));
        assertThat(event.status()).isEqualTo("read");
        assertThat(event.at()).isEqualTo(Fixtures.RECEIVED_AT);
        assertThat(event.errorCode()).isNull();
        assertThat(event.errorMessage()).isNull();
    }

    @Test
    void twilioUndeliveredStatusKeepsErrorCodeAndWhatsAppReason() {
        Map<String, String> form = new LinkedHashMap<>();
        JsonNode vector = TwilioSignatureVerifierTest.vector("twilio_wa_status_undelivered.form");
        vector.get("params_decoded").fields().forEachRemaining(e -> form.put(e.getKey(), e.getValue().asText()));

        DeliveryEvent event = status(Fixtures.form(form));

        assertThat(event.status()).isEqualTo("undelivered");
        assertThat(event.errorCode()).isEqualTo("63016");
        assertThat(event.errorMessage()).startsWith("Message failed to send because more than 24 hours");
        assertThat(event.messageKey().platformMessageId()).isEqualTo("SM77776666555544443333222211110000");
    }

    @Test
    void twilioStatusWordIsLowerCased() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM1");
        form.put("MessageStatus", "Delivered");
        form.put("From", "whatsapp:+14155238886");
        assertThat(status(Fixtures.form(form)).status()).isEqualTo("delivered");
    }

    @Test
    void twilioSharedLocationBecomesLocationWithLabelAndAddress() {
        Map<String, String> form = inboundForm("location");
        form.put("Latitude", "-23.5617");
        form.put("Longitude", "-46.6560");
        form.put("Address", "Av. Paulista, 1578 - Bela Vista, São Paulo");
        form.put("Label", "MASP");

        ArchivedMessage message = inbound(Fixtures.form(form));

        assertThat(message.content().kind()).isEqualTo(MessageKind.LOCATION);
        assertThat(message.content().location())
                .isEqualTo(new Location(-23.5617, -46.6560, "MASP", "Av. Paulista, 1578 - Bela Vista, São Paulo"));
        assertThat(message.content().text()).isNull();
    }

    @Test
    void twilioLocationThatIsNotANumberIsMalformed() {
        Map<String, String> form = inboundForm("location");
        form.put("Latitude", "north");
        form.put("Longitude", "-46.6560");
        assertThatThrownBy(() -> inbound(Fixtures.form(form)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("Latitude");
    }

    @Test
    void twilioQuickReplyButtonBecomesInteractiveWithItsPayload() {
        Map<String, String> form = inboundForm("button");
        form.put("Body", "Yes, book it");
        form.put("ButtonText", "Yes, book it");
        form.put("ButtonPayload", "confirm_booking_4711");

        ArchivedMessage message = inbound(Fixtures.form(form));

        assertThat(message.content().kind()).isEqualTo(MessageKind.INTERACTIVE);
        assertThat(message.content().text()).isEqualTo("Yes, book it");
        assertThat(message.content().details()).containsEntry("ButtonPayload", "confirm_booking_4711").doesNotContainKey("Body");
    }

    @Test
    void twilioMultipleMediaBecomeOnePendingAttachmentEachInOrder() {
        Map<String, String> form = inboundForm("image");
        form.put("NumMedia", "3");
        for (int n = 0; n < 3; n++) {
            form.put("MediaContentType" + n, n == 2 ? "application/pdf" : "image/jpeg");
            form.put("MediaUrl" + n, "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME" + n);
        }

        ArchivedMessage message = inbound(Fixtures.form(form));

        assertThat(message.content().kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(message.content().text()).isNull();
        assertThat(message.content().attachments()).extracting(Attachment::platformMediaId, Attachment::mediaType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME0", "image/jpeg"),
                        org.assertj.core.groups.Tuple.tuple("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "image/jpeg"),
                        org.assertj.core.groups.Tuple.tuple("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2", "application/pdf"));
    }

    @Test
    void twilioClickToWhatsAppAdReferralIsKeptInDetails() {
        Map<String, String> form = inboundForm("text");
        form.put("Body", "I saw your ad");
        form.put("ReferralNumMedia", "0");
        form.put("ReferralSourceId", "120207707891230123");
        form.put("ReferralSourceType", "ad");
        form.put("ReferralHeadline", "Fixed-rate savings 4.1%");
        form.put("ReferralCtwaClid", "ARAkLkA8rmlFeiCktEJQ");

        assertThat(inbound(Fixtures.form(form)).content().details())
                .containsEntry("ReferralSourceId", "120207707891230123")
                .containsEntry("ReferralSourceType", "ad")
                .containsEntry("ReferralHeadline", "Fixed-rate savings 4.1%")
                .containsEntry("ReferralCtwaClid", "ARAkLkA8rmlFeiCktEJQ")
                .doesNotContainKey("ReferralNumMedia");
    }

    @Test
    void unknownTwilioMessageTypeIsKeptAsUnsupportedWithItsBody() {
        Map<String, String> form = inboundForm("poll");
        form.put("Body", "Which day suits you?");

        ArchivedMessage message = inbound(Fixtures.form(form));

        assertThat(message.content().kind()).isEqualTo(MessageKind.UNSUPPORTED);
        assertThat(message.content().details()).containsEntry("MessageType", "poll");
        assertThat(message.content().text()).isEqualTo("Which day suits you?");
    }

    @Test
    void sameCaptureNormalizesToSameIds() {
        CaptureRecord capture = Fixtures.capture(TwilioNormalizer.INBOUND_SOURCE, Fixtures.bytes("twilio_wa_inbound_image.form"));
        assertThat(normalizer.normalize(capture)).isEqualTo(normalizer.normalize(capture));
        assertThat(normalizer.normalize(capture).get(0).id()).isNotEqualTo(StableIds.UNNAMED);
    }

    @Test
    void twilioRetryAtAnotherTimeIsTheSameFactByNaturalKey() {
        byte[] body = Fixtures.bytes("twilio_wa_status_read.form");
        var first = normalizer.normalize(Fixtures.capture(TwilioNormalizer.STATUS_SOURCE, body)).get(0);
        var retry = normalizer.normalize(new CaptureRecord(43, CapturedPayload.of(TwilioNormalizer.STATUS_SOURCE,
                Instant.parse("2024-01-01T00:05:00Z"), Map.of(), body))).get(0);
        assertThat(retry.naturalKey()).isEqualTo(first.naturalKey());
    }

    @Test
    void bodyThatIsNotAFormIsRejectedWithoutQuotingIt() {
        byte[] json = Fixtures.bytes("twilio_json_body_example.json");
        assertThatThrownBy(() -> inbound(json))
                .isInstanceOf(MalformedPayloadException.class)
                .hasMessage("Twilio form has no MessageSid")
                .hasMessageNotContaining("Olá");
    }

    @Test
    void inboundWithoutSenderIsMalformed() {
        Map<String, String> form = inboundForm("text");
        form.remove("From");
        assertThatThrownBy(() -> inbound(Fixtures.form(form)))
                .isInstanceOf(MalformedPayloadException.class).hasMessage("Twilio form has no From");
    }

    @Test
    void captureFromAnotherRouteIsNotTwilios() {
        var capture = Fixtures.capture("telegram-inbound", "a=b".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> normalizer.normalize(capture)).isInstanceOf(IllegalArgumentException.class);
        assertThat(normalizer.sources()).containsExactlyInAnyOrder("twilio-whatsapp-inbound", "twilio-whatsapp-status");
    }
}
