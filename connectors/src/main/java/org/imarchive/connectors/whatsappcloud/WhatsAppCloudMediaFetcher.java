package org.imarchive.connectors.whatsappcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.media.FetchedMedia;
import org.imarchive.archive.media.MediaFetchException;
import org.imarchive.archive.media.MediaFetcher;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.connectors.media.MediaDownloads;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;

/**
 * Downloads media of Meta's WhatsApp Cloud API in Graph's two steps: {@code GET {graph}/{media-id}} answers the
 * media's short-lived URL with its type and SHA-256, then that URL is fetched; both with the access token as bearer.
 */
public final class WhatsAppCloudMediaFetcher implements MediaFetcher {
    /** Graph's code for an access token that is invalid or expired. */
    private static final int GRAPH_INVALID_TOKEN = 190;
    /** Graph's code for an invalid parameter, as for a media id that does not exist (any more). */
    private static final int GRAPH_INVALID_PARAMETER = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String graphUrl;
    private final String authorization;
    private final Duration requestTimeout;

    /** @param graphUrl Graph with its version, e.g. https://graph.facebook.com/v21.0 */
    public WhatsAppCloudMediaFetcher(HttpClient client, URI graphUrl, String accessToken, Duration requestTimeout) {
        this.client = MediaDownloads.requireNoRedirects(client);
        this.graphUrl = graphUrl.toString().replaceAll("/+$", "");
        this.authorization = "Bearer " + accessToken;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.WHATSAPP_CLOUD);
    }

    @Override
    public FetchedMedia fetch(ArchivedMessage message, Attachment attachment) throws MediaFetchException {
        JsonNode media = lookUp(attachment.platformMediaId());
        String url = media.path("url").asText(null);
        if (url == null) {
            throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "Graph answered no media URL");
        }
        HttpResponse<InputStream> response = MediaDownloads.send(client, request(URI.create(url)), "WhatsApp Cloud media download");
        if (response.statusCode() != 200) {
            MediaDownloads.discard(response);
            if (response.statusCode() == 404) {
                // the URL lives five minutes; the next attempt looks up a fresh one
                throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "the media URL had expired (HTTP 404)");
            }
            throw MediaFetchException.forStatus(response.statusCode(), "Meta did not serve the media");
        }
        return MediaDownloads.content(response, media.path("mime_type").asText(null), media.path("sha256").asText(null));
    }

    private JsonNode lookUp(String mediaId) throws MediaFetchException {
        URI lookup = URI.create(graphUrl + "/" + URLEncoder.encode(mediaId, StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = MediaDownloads.send(client, request(lookup), "Graph media lookup");
        JsonNode body = parse(MediaDownloads.smallBody(response));
        if (response.statusCode() == 200 && body != null) {
            return body;
        }
        JsonNode error = body == null ? null : body.path("error");
        int code = error == null ? 0 : error.path("code").asInt(0);
        String reason = "Graph media lookup refused" + (error == null ? "" : ": " + error.path("message").asText("") + " (code " + code + ")");
        if (code == GRAPH_INVALID_TOKEN) {
            throw new MediaFetchException(MediaFetchException.Failure.CREDENTIALS, reason);
        }
        if (code == GRAPH_INVALID_PARAMETER && response.statusCode() < 500) {
            throw new MediaFetchException(MediaFetchException.Failure.PERMANENT, reason);
        }
        if (response.statusCode() == 200) {
            throw new MediaFetchException(MediaFetchException.Failure.RETRYABLE, "Graph answered something other than JSON");
        }
        throw MediaFetchException.forStatus(response.statusCode(), reason);
    }

    private HttpRequest request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Authorization", authorization).GET().build();
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
