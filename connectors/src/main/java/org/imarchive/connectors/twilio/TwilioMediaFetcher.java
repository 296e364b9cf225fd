package org.imarchive.connectors.twilio;

import org.imarchive.archive.media.FetchedMedia;
import org.imarchive.archive.media.MediaFetchException;
import org.imarchive.archive.media.MediaFetcher;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.connectors.media.MediaDownloads;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/**
 * Downloads Twilio media: the attachment's reference is the MediaUrl from the webhook, fetched with HTTP Basic
 * (AccountSid:AuthToken). Twilio answers with a redirect to its media host; that hop is followed without the
 * credentials, which only ever go to the configured API host.
 */
public final class TwilioMediaFetcher implements MediaFetcher {
    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final URI apiUrl;
    private final String authorization;
    private final Duration requestTimeout;

    /** @param apiUrl Twilio's REST API (https://api.twilio.com); a MediaUrl on any other host is refused */
    public TwilioMediaFetcher(HttpClient client, URI apiUrl, String accountSid, String authToken, Duration requestTimeout) {
        this.client = MediaDownloads.requireNoRedirects(client);
        this.apiUrl = apiUrl;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8));
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.TWILIO);
    }

    @Override
    public FetchedMedia fetch(ArchivedMessage message, Attachment attachment) throws MediaFetchException {
        URI url = mediaUrl(attachment.platformMediaId());
        if (!MediaDownloads.sameOrigin(url, apiUrl)) {
            throw new MediaFetchException(MediaFetchException.Failure.PERMANENT, "the MediaUrl is not on the configured Twilio API host");
        }
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET();
            if (MediaDownloads.sameOrigin(url, apiUrl)) {
                request.header("Authorization", authorization);
            }
            HttpResponse<InputStream> response = MediaDownloads.send(client, request.build(), "Twilio media download");
            int status = response.statusCode();
            if (status == 200) {
                return MediaDownloads.content(response, null, null);
            }
            MediaDownloads.discard(response);
            if (!MediaDownloads.isRedirect(status)) {
                throw MediaFetchException.forStatus(status, status == 404 || status == 410
                        ? "Twilio no longer has the media" : "Twilio did not serve the media");
            }
            String location = response.headers().firstValue("Location").orElseThrow(() ->
                    new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "Twilio redirected without a Location"));
            url = url.resolve(location);
        }
        throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "more than " + MAX_REDIRECTS + " redirects");
    }

    private static URI mediaUrl(String reference) throws MediaFetchException {
        try {
            URI url = URI.create(reference);
            if (url.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new MediaFetchException(MediaFetchException.Failure.PERMANENT, "the MediaUrl is not a URL");
        }
    }
}
