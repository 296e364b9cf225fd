package org.imarchive.connectors.telegram;

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
 * Downloads Telegram files through the Bot API: {@code getFile} turns the file_id into a file_path, then
 * {@code /file/bot<token>/<file_path>} serves the bytes. The cloud Bot API serves files up to 20 MB only; a larger
 * file is a permanent failure that says so. Both URLs hold the bot token, so neither ever appears in a reason.
 */
public final class TelegramMediaFetcher implements MediaFetcher {
    /** The cloud Bot API's download limit (a self-hosted Bot API server has none). */
    public static final long MAX_DOWNLOAD_BYTES = 20L * 1024 * 1024;
    private static final String TOO_BIG = "larger than the Bot API's 20 MB download limit; keep it from a chat export";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String apiUrl;
    private final String botToken;
    private final Duration requestTimeout;

    /** @param apiUrl the Bot API server, https://api.telegram.org */
    public TelegramMediaFetcher(HttpClient client, URI apiUrl, String botToken, Duration requestTimeout) {
        this.client = MediaDownloads.requireNoRedirects(client);
        this.apiUrl = apiUrl.toString().replaceAll("/+$", "");
        this.botToken = botToken;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Set<Channel> channels() {
        return Set.of(Channel.TELEGRAM_BOT);
    }

    @Override
    public FetchedMedia fetch(ArchivedMessage message, Attachment attachment) throws MediaFetchException {
        JsonNode file = getFile(attachment.platformMediaId());
        if (file.path("file_size").asLong(0) > MAX_DOWNLOAD_BYTES) {
            throw new MediaFetchException(MediaFetchException.Failure.PERMANENT, TOO_BIG);
        }
        String path = file.path("file_path").asText(null);
        if (path == null || path.isEmpty()) {
            throw new MediaFetchException(MediaFetchException.Failure.PERMANENT, "Telegram gave no file_path for the file");
        }
        URI download = URI.create(apiUrl + "/file/bot" + botToken + "/" + encodePath(path));
        HttpResponse<InputStream> response = MediaDownloads.send(client, get(download), "Telegram file download");
        if (response.statusCode() != 200) {
            MediaDownloads.discard(response);
            throw MediaFetchException.forStatus(response.statusCode(), "Telegram did not serve the file");
        }
        return MediaDownloads.content(response, attachment.mediaType(), null);
    }

    private JsonNode getFile(String fileId) throws MediaFetchException {
        URI getFile = URI.create(apiUrl + "/bot" + botToken + "/getFile?file_id=" + URLEncoder.encode(fileId, StandardCharsets.UTF_8));
        HttpResponse<InputStream> response = MediaDownloads.send(client, get(getFile), "Telegram getFile");
        JsonNode body = parse(MediaDownloads.smallBody(response));
        if (body != null && body.path("ok").asBoolean(false) && body.path("result").isObject()) {
            return body.path("result");
        }
        int code = body != null && body.has("error_code") ? body.path("error_code").asInt() : response.statusCode();
        String description = body == null ? "" : body.path("description").asText("");
        if (description.toLowerCase(java.util.Locale.ROOT).contains("file is too big")) {
            throw new MediaFetchException(MediaFetchException.Failure.PERMANENT, TOO_BIG);
        }
        if (code == 404) {
            // an unknown file_id is a 400; a 404 means the method's URL itself, so the bot token, is not known
            code = 401;
        }
        throw MediaFetchException.forStatus(code, "Telegram getFile refused" + (description.isEmpty() ? "" : ": " + redact(description)));
    }

    private HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
    }

    private String redact(String text) {
        return text.replace(botToken, "<bot-token>");
    }

    /** file_path is relative (documents/file_7.pdf); each segment is encoded, the slashes kept. */
    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (!encoded.isEmpty()) {
                encoded.append('/');
            }
            encoded.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return encoded.toString();
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
