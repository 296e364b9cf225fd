package org.imarchive.connectors.webhook;

/**
 * A webhook request refused before capture: the status to answer (401/403 for a bad signature, 400 for a malformed
 * body, 413 for an oversize one) and a reason naming what is wrong, never the request's content.
 */
public class WebhookRefusedException extends RuntimeException {
    private final int status;

    public WebhookRefusedException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static WebhookRefusedException badSignature(String scheme) {
        return new WebhookRefusedException(403, scheme + " signature does not match");
    }

    public static WebhookRefusedException missingSignature(String header) {
        return new WebhookRefusedException(401, "missing " + header + " header");
    }
}
