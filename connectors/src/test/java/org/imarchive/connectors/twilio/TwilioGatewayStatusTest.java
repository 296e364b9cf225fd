package org.imarchive.connectors.twilio;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.DeliveryEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Status callbacks of messages the gateway sent name the gateway's id in their URL; they are keyed by it. */
class TwilioGatewayStatusTest {
    private static final String OUTBOUND_ID = "0193a5e4-0000-7000-8000-000000000001";
    private final TwilioNormalizer normalizer = new TwilioNormalizer();

    private DeliveryEvent status(String query) {
        Map<String, String> headers = query == null ? Map.of() : Map.of("query", query);
        byte[] form = "MessageSid=SM1&MessageStatus=delivered&From=whatsapp%3A%2B15550001111&To=whatsapp%3A%2B447700900123".getBytes();
        return (DeliveryEvent) normalizer.normalize(new CaptureRecord(3, CapturedPayload.of(TwilioNormalizer.STATUS_SOURCE,
                Instant.parse("2026-11-25T12:00:00Z"), headers, form))).get(0);
    }

    @Test
    void aCallbackOfAGatewaySendIsKeyedByTheGatewaysId() {
        assertThat(status("imarchiveOutbound=" + OUTBOUND_ID).messageKey().platformMessageId()).isEqualTo("gateway:" + OUTBOUND_ID);
    }

    @Test
    void otherCallbacksKeepTwiliosSid() {
        assertThat(status(null).messageKey().platformMessageId()).isEqualTo("SM1");
        assertThat(status("other=1").messageKey().platformMessageId()).isEqualTo("SM1");
    }

    @Test
    void aValueThatIsNotOurIdKeysNothing() {
        assertThat(status("imarchiveOutbound=SM999").messageKey().platformMessageId()).isEqualTo("SM1");
    }
}
