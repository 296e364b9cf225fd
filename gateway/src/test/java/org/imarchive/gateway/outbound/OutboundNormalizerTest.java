package org.imarchive.gateway.outbound;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.MalformedPayloadException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundNormalizerTest {
    private static final String OUTBOUND_ID = "0193a5e4-0000-7000-8000-000000000001";
    private static final Instant REQUESTED = Instant.parse("2026-11-25T10:00:00Z");
    private static final Instant ANSWERED = Instant.parse("2026-11-25T10:00:01Z");
    private final OutboundNormalizer normalizer = new OutboundNormalizer();
    private final OutboundIntent intent = new OutboundIntent(OUTBOUND_ID, OutboundChannel.TWILIO, "+15550001111", "+447700900123",
            "Your quote", null, "rm1", REQUESTED);

    private List<ArchiveRecord> normalize(CapturedPayload payload) {
        return normalizer.normalize(new CaptureRecord(12, payload));
    }

    @Test
    void theRequestIsTheOutboundMessageUnderTheGatewaysOwnId() {
        CapturedPayload request = CapturedPayload.of("twilio-whatsapp-outbound", REQUESTED, Map.of(), intent.toJson());

        ArchivedMessage message = (ArchivedMessage) normalize(request).get(0);

        assertThat(message.messageKey()).isEqualTo(new MessageKey(Platform.WHATSAPP, "+15550001111", "gateway:" + OUTBOUND_ID));
        assertThat(message.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(message.sender()).isEqualTo(Participant.of("+15550001111"));
        assertThat(message.recipients()).containsExactly(Participant.of("+447700900123"));
        assertThat(message.platformConversationId()).isEqualTo("+447700900123");
        assertThat(message.sentAt()).isEqualTo(REQUESTED);
        assertThat(message.content().text()).isEqualTo("Your quote");
        assertThat(message.content().details()).containsEntry("gateway.requestedBy", "rm1").containsEntry("gateway.outboundId", OUTBOUND_ID);
        assertThat(message.provenance()).isEqualTo(new Provenance(Provenance.Source.SENT, 12, null, null));
        assertThat(normalize(request)).as("a replay gives the same record").containsExactly(message);
    }

    @Test
    void anAcceptedAnswerIsAnAcceptedDeliveryOnTheSameMessage() {
        SendOutcome accepted = SendOutcome.accepted(intent, new SentReceipt("SM1", "queued", 201, "{\"sid\":\"SM1\"}".getBytes(StandardCharsets.UTF_8)));
        CapturedPayload answer = accepted.toPayload(ANSWERED);

        DeliveryEvent event = (DeliveryEvent) normalize(answer).get(0);

        assertThat(answer.source()).isEqualTo("twilio-whatsapp-outbound-result");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).as("Twilio's answer kept verbatim").isEqualTo("{\"sid\":\"SM1\"}");
        assertThat(SendOutcome.fromPayload(answer).platformMessageId()).isEqualTo("SM1");
        assertThat(event.messageKey()).isEqualTo(OutboundNormalizer.keyOf(OutboundChannel.TWILIO, "+15550001111", OUTBOUND_ID));
        assertThat(event.status()).isEqualTo("accepted");
        assertThat(event.at()).isEqualTo(ANSWERED);
        assertThat(event.errorMessage()).isNull();
    }

    @Test
    void aRefusalKeepsThePlatformsCodeAndReason() {
        CapturedPayload answer = SendOutcome.notSent(intent, SendOutcome.State.FAILED, 400, "63016", "outside the allowed window").toPayload(ANSWERED);

        DeliveryEvent event = (DeliveryEvent) normalize(answer).get(0);

        assertThat(event.status()).isEqualTo("failed");
        assertThat(event.errorCode()).isEqualTo("63016");
        assertThat(event.errorMessage()).isEqualTo("outside the allowed window");
    }

    @Test
    void anAcceptedAnswerWithoutThePlatformsIdIsMalformed() {
        CapturedPayload answer = CapturedPayload.of("twilio-whatsapp-outbound-result", ANSWERED,
                Map.of("outbound-id", OUTBOUND_ID, "account", "+15550001111", "state", "accepted", "http-status", "201"), new byte[0]);

        assertThatThrownBy(() -> normalize(answer)).isInstanceOf(MalformedPayloadException.class).hasMessageContaining("platform message id");
    }

    @Test
    void aRequestMissingItsAuthorIsMalformed() {
        byte[] json = ("{\"outboundId\":\"" + OUTBOUND_ID + "\",\"channel\":\"twilio\",\"account\":\"+1\",\"to\":\"+2\",\"text\":\"x\","
                + "\"requestedAt\":\"2026-11-25T10:00:00Z\"}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> normalize(CapturedPayload.of("twilio-whatsapp-outbound", REQUESTED, Map.of(), json)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("requestedBy");
    }
}
