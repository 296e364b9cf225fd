package org.imarchive.archive.capture;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A payload as it arrived, before anything interpreted it.
 *
 * @param source     the stable name of the route that received it (for example {@code twilio-whatsapp-inbound});
 *                   it selects the normalizer on replay
 * @param receivedAt when the gateway received it
 * @param headers    the headers of record (signature, content type, the URL the platform called), not every header
 * @param body       the raw bytes, exactly as received
 */
public record CapturedPayload(String source, Instant receivedAt, SortedMap<String, String> headers, byte[] body) {

    public CapturedPayload {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(body, "body");
        headers = headers == null ? new TreeMap<>() : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(headers));
    }

    public static CapturedPayload of(String source, Instant receivedAt, Map<String, String> headers, byte[] body) {
        return new CapturedPayload(source, receivedAt, headers == null ? null : new TreeMap<>(headers), body);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CapturedPayload that
                && source.equals(that.source)
                && receivedAt.equals(that.receivedAt)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, receivedAt, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        // never the body: payloads carry message text, and this string may reach a log
        return "CapturedPayload[source=" + source + ", receivedAt=" + receivedAt + ", bytes=" + body.length + "]";
    }
}
