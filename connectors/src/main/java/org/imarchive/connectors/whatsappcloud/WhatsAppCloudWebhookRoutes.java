package org.imarchive.connectors.whatsappcloud;

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
 * Meta's WhatsApp Cloud API webhook: the GET verification handshake, and the POST whose {@code X-Hub-Signature-256}
 * is checked over the raw bytes before anything parses them; then the body is checked to be a webhook envelope,
 * journaled byte for byte, and only then answered 200. Meta retries what is not answered 2xx; the archive dedupes.
 */
public class WhatsAppCloudWebhookRoutes extends RouteBuilder {
    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    static final String HANDSHAKE_ROUTE = "whatsapp-cloud-verification";

    private final MetaSignatureVerifier verifier;
    private final MetaSubscriptionHandshake handshake;
    private final Capture capture;
    private final WhatsAppCloudNormalizer normalizer;
    private final Clock clock;
    private final int maxBodyBytes;

    /** @param verifier null, or handshake null, when the app secret or verify token is not set: requests are refused */
    public WhatsAppCloudWebhookRoutes(MetaSignatureVerifier verifier, MetaSubscriptionHandshake handshake, Capture capture,
                                      WhatsAppCloudNormalizer normalizer, Clock clock, int maxBodyBytes) {
        this.verifier = verifier;
        this.handshake = handshake;
        this.capture = capture;
        this.normalizer = normalizer;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void configure() {
        from(WebhookRequests.endpoint("/webhooks/whatsapp-cloud", "GET,POST"))
                .routeId(WhatsAppCloudNormalizer.SOURCE)
                .routeConfigurationId(WebhookErrorHandling.ID)
                .choice()
                    .when(header(Exchange.HTTP_METHOD).isEqualTo("GET")).process(this::verifySubscription)
                    .otherwise().process(this::accept);
    }

    private void verifySubscription(Exchange exchange) {
        if (handshake == null) {
            throw new WebhookRefusedException(403, "gateway.whatsapp-cloud.verify-token is not set");
        }
        String challenge = handshake.respond(WebhookRequests.header(exchange, "hub.mode"), WebhookRequests.header(exchange, "hub.verify_token"),
                WebhookRequests.header(exchange, "hub.challenge")).orElseThrow(() -> new WebhookRefusedException(403, "verification token does not match"));
        WebhookRequests.respond(exchange, 200, "text/plain", challenge);
    }

    private void accept(Exchange exchange) {
        byte[] body = WebhookRequests.rawBody(exchange);
        if (body.length > maxBodyBytes) {
            throw new WebhookRefusedException(413, "body of " + body.length + " bytes is over the " + maxBodyBytes + "-byte limit");
        }
        if (verifier == null) {
            throw new WebhookRefusedException(403, "gateway.whatsapp-cloud.app-secret is not set");
        }
        String signature = WebhookRequests.header(exchange, SIGNATURE_HEADER);
        if (signature == null || signature.isBlank()) {
            throw WebhookRefusedException.missingSignature(SIGNATURE_HEADER);
        }
        if (!verifier.isValid(body, signature)) {
            throw WebhookRefusedException.badSignature("X-Hub-Signature-256");
        }
        CapturedPayload payload = WebhookRequests.payload(exchange, WhatsAppCloudNormalizer.SOURCE, clock, SIGNATURE_HEADER);
        normalizer.normalize(new CaptureRecord(1, payload));
        capture.capture(payload);
        WebhookRequests.respond(exchange, 200, null, "");
    }
}
