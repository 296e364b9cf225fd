package org.imarchive.connectors.twilio;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.pipeline.Capture;
import org.imarchive.connectors.webhook.WebhookErrorHandling;
import org.imarchive.connectors.webhook.WebhookRefusedException;
import org.imarchive.connectors.webhook.WebhookRequests;

import java.time.Clock;

/**
 * Twilio's WhatsApp webhooks, top to bottom: check the size, check {@code X-Twilio-Signature} against the URL Twilio
 * called ({@code gateway.public-url} + path + query), check the body is a Twilio form, journal it byte for byte, and
 * only then answer 200 with empty TwiML. Twilio retries what is not answered 2xx; the archive dedupes by MessageSid.
 */
public class TwilioWebhookRoutes extends RouteBuilder {
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";
    private static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final TwilioSignatureVerifier verifier;
    private final String publicUrl;
    private final Capture capture;
    private final TwilioNormalizer normalizer;
    private final Clock clock;
    private final int maxBodyBytes;

    /** @param verifier null when {@code gateway.twilio.auth-token} is not set: every request is then refused */
    public TwilioWebhookRoutes(TwilioSignatureVerifier verifier, String publicUrl, Capture capture, TwilioNormalizer normalizer,
                               Clock clock, int maxBodyBytes) {
        this.verifier = verifier;
        this.publicUrl = publicUrl;
        this.capture = capture;
        this.normalizer = normalizer;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void configure() {
        from(WebhookRequests.endpoint("/webhooks/twilio/messages", "POST"))
                .routeId(TwilioNormalizer.INBOUND_SOURCE)
                .routeConfigurationId(WebhookErrorHandling.ID)
                .process(exchange -> accept(exchange, TwilioNormalizer.INBOUND_SOURCE));

        from(WebhookRequests.endpoint("/webhooks/twilio/status", "POST"))
                .routeId(TwilioNormalizer.STATUS_SOURCE)
                .routeConfigurationId(WebhookErrorHandling.ID)
                .process(exchange -> accept(exchange, TwilioNormalizer.STATUS_SOURCE));
    }

    private void accept(Exchange exchange, String source) {
        byte[] body = WebhookRequests.rawBody(exchange);
        if (body.length > maxBodyBytes) {
            throw new WebhookRefusedException(413, "body of " + body.length + " bytes is over the " + maxBodyBytes + "-byte limit");
        }
        verifySignature(exchange, body);
        CapturedPayload payload = WebhookRequests.payload(exchange, source, clock, SIGNATURE_HEADER);
        normalizer.normalize(new CaptureRecord(1, payload));
        capture.capture(payload);
        WebhookRequests.respond(exchange, 200, "text/xml", EMPTY_TWIML);
    }

    private void verifySignature(Exchange exchange, byte[] body) {
        if (verifier == null || publicUrl == null) {
            throw new WebhookRefusedException(403, "Twilio webhooks need gateway.twilio.auth-token and gateway.public-url");
        }
        String signature = WebhookRequests.header(exchange, SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw WebhookRefusedException.missingSignature(SIGNATURE_HEADER);
        }
        String url = TwilioSignatureVerifier.requestUrl(publicUrl, WebhookRequests.header(exchange, Exchange.HTTP_URI),
                WebhookRequests.header(exchange, Exchange.HTTP_QUERY));
        String contentType = WebhookRequests.header(exchange, Exchange.CONTENT_TYPE);
        boolean valid = contentType != null && contentType.startsWith("application/json")
                ? verifier.isValidJson(url, body, signature)
                : verifier.isValid(url, TwilioForm.decode(body), signature);
        if (!valid) {
            throw WebhookRefusedException.badSignature("Twilio");
        }
    }
}
