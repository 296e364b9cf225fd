package org.imarchive.connectors.media;

import org.imarchive.archive.media.FetchedMedia;
import org.imarchive.archive.media.MediaFetchException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;

/** Sends the requests of a media download and turns their outcomes into content or a classified failure. */
public final class MediaDownloads {
    private static final int MAX_JSON_BYTES = 64 * 1024;

    private MediaDownloads() {
    }

    /**
     * A client must not follow redirects by itself: it would carry our credentials to wherever the platform (or
     * anyone who can make it redirect) points.
     */
    public static HttpClient requireNoRedirects(HttpClient client) {
        if (client.followRedirects() != HttpClient.Redirect.NEVER) {
            throw new IllegalArgumentException("a media fetcher's HttpClient must not follow redirects itself");
        }
        return client;
    }

    /**
     * @param what names the request in a failure's reason, e.g. "Telegram getFile"; never a URL
     */
    public static HttpResponse<InputStream> send(HttpClient client, HttpRequest request, String what) throws MediaFetchException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            // the exception's message may name the URL, which for Telegram holds the bot token
            throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, what + " failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, what + " interrupted");
        }
    }

    public static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    public static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(lower(a.getScheme()), lower(b.getScheme())) && Objects.equals(lower(a.getHost()), lower(b.getHost()))
                && port(a) == port(b);
    }

    /** The content of a successful response, typed by the response unless {@code mediaType} says better. */
    public static FetchedMedia content(HttpResponse<InputStream> response, String mediaType, String platformSha256) {
        String type = mediaType != null ? mediaType : response.headers().firstValue("Content-Type").orElse(null);
        long size = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return new FetchedMedia(response.body(), type, size, platformSha256);
    }

    /** A small JSON answer (a lookup, an error), read whole; larger ones are cut, which only the JSON parser notices. */
    public static byte[] smallBody(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return body.readNBytes(MAX_JSON_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Discards the body of a response that is not used, so the connection can be reused. */
    public static void discard(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            body.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
            // nothing was wanted from it
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
