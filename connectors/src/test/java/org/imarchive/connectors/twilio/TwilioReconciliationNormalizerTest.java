package org.imarchive.connectors.twilio;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.imarchive.connectors.twilio.TwilioApiSamples.BUSINESS;

class TwilioReconciliationNormalizerTest {
    private static final String CUSTOMER = "+447700900123";
    private final TwilioReconciliationNormalizer normalizer = new TwilioReconciliationNormalizer();

    private static CaptureRecord capture(String json) {
        return new CaptureRecord(7, CapturedPayload.of(TwilioReconciliationNormalizer.SOURCE, Instant.parse("2026-11-25T12:00:00Z"),
                Map.of(), json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInboundResourceIsTheMessageTheWebhookWouldHaveArchived() {
        List<ArchiveRecord> records = normalizer.normalize(capture(TwilioApiSamples.inbound("SM02", CUSTOMER, "Quote please")));

        assertThat(records).hasSize(1);
        ArchivedMessage message = (ArchivedMessage) records.get(0);
        assertThat(message.messageKey()).isEqualTo(new MessageKey(Platform.WHATSAPP, BUSINESS, "SM02"));
        assertThat(message.channel()).isEqualTo(Channel.TWILIO);
        assertThat(message.direction()).isEqualTo(Direction.INBOUND);
        assertThat(message.sender()).isEqualTo(Participant.of(CUSTOMER));
        assertThat(message.recipients()).containsExactly(Participant.of(BUSINESS));
        assertThat(message.platformConversationId()).isEqualTo(CUSTOMER);
        assertThat(message.sentAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(message.capturedAt()).isEqualTo(Instant.parse("2026-11-25T12:00:00Z"));
        assertThat(message.content().text()).isEqualTo("Quote please");
        assertThat(message.content().kind()).isEqualTo(MessageKind.TEXT);
        assertThat(message.provenance()).isEqualTo(new Provenance(Provenance.Source.POLL, 7, null, null));
    }

    @Test
    void anOutboundResourceCarriesItsLastStatusAsADeliveryEvent() {
        List<ArchiveRecord> records = normalizer.normalize(capture(TwilioApiSamples.outbound("SM03", CUSTOMER, "Your quote", "read")));

        ArchivedMessage message = (ArchivedMessage) records.get(0);
        assertThat(message.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(message.sender()).isEqualTo(Participant.of(BUSINESS));
        assertThat(message.content().details()).containsEntry("direction", "outbound-api");
        DeliveryEvent status = (DeliveryEvent) records.get(1);
        assertThat(status.messageKey()).isEqualTo(message.messageKey());
        assertThat(status.status()).isEqualTo("read");
        assertThat(status.at()).isEqualTo(Instant.parse("2026-11-23T10:00:03Z"));
    }

    @Test
    void mediaIsLeftPendingUnderTheMediaListUri() {
        String json = TwilioApiSamples.resource("MM04", "inbound", "whatsapp:" + CUSTOMER, "whatsapp:" + BUSINESS, "", "Mon, 23 Nov 2026 10:00:00 +0000", "received", 2);

        ArchivedMessage message = (ArchivedMessage) normalizer.normalize(capture(json)).get(0);

        assertThat(message.content().kind()).isEqualTo(MessageKind.MEDIA);
        assertThat(message.content().text()).isNull();
        assertThat(message.content().attachments()).containsExactly(
                Attachment.pending("/2010-04-01/Accounts/" + TwilioApiSamples.ACCOUNT_SID + "/Messages/MM04/Media.json", null, null));
        assertThat(message.content().details()).containsEntry("NumMedia", "2");
    }

    @Test
    void aQueuedMessageWithoutDateSentIsDatedByItsCreation() {
        String json = TwilioApiSamples.resource("SM05", "outbound-reply", "whatsapp:" + BUSINESS, "whatsapp:" + CUSTOMER, "hi", null, "queued", 0);

        assertThat(((ArchivedMessage) normalizer.normalize(capture(json)).get(0)).sentAt()).isEqualTo(Instant.parse("2026-11-23T09:59:58Z"));
    }

    @Test
    void theSameResourceGivesTheSameRecords() {
        String json = TwilioApiSamples.outbound("SM03", CUSTOMER, "Your quote", "delivered");
        assertThat(normalizer.normalize(capture(json))).isEqualTo(normalizer.normalize(capture(json)));
    }

    @Test
    void aResourceWithoutItsSidOrWithABadDateIsMalformed() {
        assertThatThrownBy(() -> normalizer.normalize(capture("{\"direction\":\"inbound\"}"))).isInstanceOf(MalformedPayloadException.class);
        assertThatThrownBy(() -> normalizer.normalize(capture(TwilioApiSamples.inbound("SM1", CUSTOMER, "x").replace("Mon, 23 Nov 2026", "2026-11-23"))))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("RFC 2822");
    }
}
