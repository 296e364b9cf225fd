package org.imarchive.connectors.webhook;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.imarchive.archive.capture.JournalException;
import org.imarchive.archive.pipeline.MalformedPayloadException;

/**
 * One error policy for every webhook route: a refusal answers its status with a JSON reason and is counted; a payload
 * the platform's format does not allow is a 400; a journal that cannot make the payload durable is a 503, so the
 * platform retries later rather than believing it delivered.
 */
public class WebhookErrorHandling extends RouteConfigurationBuilder {
    public static final String ID = "webhook-errors";
    private final RefusalCounter counter;

    public WebhookErrorHandling(RefusalCounter counter) {
        this.counter = counter;
    }

    @Override
    public void configuration() {
        routeConfiguration(ID)
                .onException(WebhookRefusedException.class).handled(true)
                .process(exchange -> refuse(exchange, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, WebhookRefusedException.class).status()))
                .end()
                .onException(MalformedPayloadException.class).handled(true)
                .process(exchange -> refuse(exchange, 400))
                .end()
                .onException(JournalException.class).handled(true)
                .process(exchange -> refuse(exchange, 503))
                .end();
    }

    private void refuse(Exchange exchange, int status) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String reason = cause == null || cause.getMessage() == null ? "refused" : cause.getMessage();
        counter.refused(exchange.getFromRouteId(), status, reason);
        WebhookRequests.respond(exchange, status, "application/json", "{\"status\":" + status + ",\"reason\":\"" + jsonEscape(reason) + "\"}");
    }

    private static String jsonEscape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
