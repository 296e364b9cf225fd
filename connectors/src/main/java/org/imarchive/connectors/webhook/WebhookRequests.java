package org.imarchive.connectors.webhook;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.imarchive.archive.capture.CapturedPayload;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/** Reads a webhook request off a Camel exchange the way the journal keeps it: raw bytes and the headers of record. */
public final class WebhookRequests {
    /** The header under which the raw body is kept once read, so each step sees the same bytes. */
    public static final String RAW_BODY = "imarchiveRawBody";

    private WebhookRequests() {
    }

    /** Where the gateway mounts Camel's servlet; every webhook path starts with it. */
    public static final String SERVLET_PATH = "/webhooks";

    /**
     * The Camel endpoint a webhook route consumes from: Camel's {@code servlet} component, whose servlet is mounted at
     * {@value #SERVLET_PATH} beside Spring MVC's, so a webhook is served on the thread that received it, in one pass
     * through the servlet filters, without Spring MVC's dispatch and its asynchronous second pass. The body stays the
     * byte stream the platform sent ({@code disableStreamCache}): no copy into a stream cache, no decoding to
     * characters, which would change any byte that is not valid in the declared charset, where the journal and the
     * signatures need the bytes exactly as sent. A form post's body is not parsed into headers
     * ({@code mapHttpMessageFormUrlEncodedBody=false}): the route decodes the raw bytes itself.
     *
     * @param path the full request path, under {@value #SERVLET_PATH}
     * @param methods the HTTP methods the route answers, comma-separated
     */
    public static String endpoint(String path, String methods) {
        if (!path.startsWith(SERVLET_PATH + "/")) {
            throw new IllegalArgumentException("a webhook path must be under " + SERVLET_PATH + "/: " + path);
        }
        return "servlet:" + path.substring(SERVLET_PATH.length()) + "?httpMethodRestrict=" + methods
                + "&disableStreamCache=true&mapHttpMessageFormUrlEncodedBody=false";
    }

    public static byte[] rawBody(Exchange exchange) {
        byte[] body = exchange.getProperty(RAW_BODY, byte[].class);
        if (body == null) {
            body = exchange.getIn().getBody(byte[].class);
            if (body == null) {
                body = new byte[0];
            }
            exchange.setProperty(RAW_BODY, body);
        }
        return body;
    }

    public static String header(Exchange exchange, String name) {
        return exchange.getIn().getHeader(name, String.class);
    }

    /**
     * The payload to journal: the body verbatim, and the named headers (signature, content type) plus the path and
     * query string the platform called, so a signature can be checked again from the journal alone.
     */
    public static CapturedPayload payload(Exchange exchange, String source, Clock clock, String... headersOfRecord) {
        Message in = exchange.getIn();
        Map<String, String> headers = new TreeMap<>();
        for (String name : headersOfRecord) {
            String value = in.getHeader(name, String.class);
            if (value != null) {
                headers.put(name, value);
            }
        }
        putIfPresent(headers, Exchange.CONTENT_TYPE, in.getHeader(Exchange.CONTENT_TYPE, String.class));
        putIfPresent(headers, "path", in.getHeader(Exchange.HTTP_URI, String.class));
        putIfPresent(headers, "query", in.getHeader(Exchange.HTTP_QUERY, String.class));
        return CapturedPayload.of(source, clock.instant(), headers, rawBody(exchange));
    }

    /**
     * Answers the platform. The request's headers (and, for form posts, its parameters, which Camel copies into
     * headers) are dropped first, so nothing of the request is echoed back as a response header.
     */
    public static void respond(Exchange exchange, int status, String contentType, String body) {
        Message out = exchange.getMessage();
        out.getHeaders().clear();
        out.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        if (contentType != null) {
            out.setHeader(Exchange.CONTENT_TYPE, contentType);
        }
        out.setBody(body);
    }

    private static void putIfPresent(Map<String, String> headers, String name, String value) {
        if (value != null && !value.isEmpty()) {
            headers.put(name, value);
        }
    }
}
