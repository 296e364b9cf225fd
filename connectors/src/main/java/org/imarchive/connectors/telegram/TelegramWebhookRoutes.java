package org.imarchive.connectors.telegram;

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
 * Telegram's webhook: {@code X-Telegram-Bot-Api-Secret-Token} must equal the secret given to setWebhook; the body must
 * be an Update; it is journaled byte for byte and only then answered 200. Telegram retries what is not answered 2xx.
 */
public class TelegramWebhookRoutes extends RouteBuilder {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final TelegramSecretVerifier verifier;
    private final Capture capture;
    private final TelegramNormalizer normalizer;
    private final Clock clock;
    private final int maxBodyBytes;

    /** @param verifier null when {@code gateway.telegram.webhook-secret} is not set: every request is then refused */
    public TelegramWebhookRoutes(TelegramSecretVerifier verifier, Capture capture, TelegramNormalizer normalizer, Clock clock, int maxBodyBytes) {
        this.verifier = verifier;
        this.capture = capture;
        this.normalizer = normalizer;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void configure() {
        from(WebhookRequests.endpoint("/webhooks/telegram", "POST"))
                .routeId(TelegramNormalizer.SOURCE)
                .routeConfigurationId(WebhookErrorHandling.ID)
                .process(this::accept);
    }

    private void accept(Exchange exchange) {
        byte[] body = WebhookRequests.rawBody(exchange);
        if (body.length > maxBodyBytes) {
            throw new WebhookRefusedException(413, "body of " + body.length + " bytes is over the " + maxBodyBytes + "-byte limit");
        }
        if (verifier == null) {
            throw new WebhookRefusedException(403, "gateway.telegram.webhook-secret is not set");
        }
        String secret = WebhookRequests.header(exchange, SECRET_HEADER);
        if (secret == null || secret.isEmpty()) {
            throw WebhookRefusedException.missingSignature(SECRET_HEADER);
        }
        if (!verifier.isValid(secret)) {
            throw new WebhookRefusedException(403, "secret token does not match");
        }
        // the secret is a credential: it is checked, and never journaled
        CapturedPayload payload = WebhookRequests.payload(exchange, TelegramNormalizer.SOURCE, clock);
        normalizer.normalize(new CaptureRecord(1, payload));
        capture.capture(payload);
        WebhookRequests.respond(exchange, 200, null, "");
    }
}
