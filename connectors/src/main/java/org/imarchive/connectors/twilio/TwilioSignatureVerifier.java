package org.imarchive.connectors.twilio;

import com.twilio.security.RequestValidator;
import org.imarchive.archive.support.Sha256;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks {@code X-Twilio-Signature} with Twilio's own {@link RequestValidator}, which accepts the URL both with the
 * default port added and removed, because Twilio's back end signs either form. No Camel, no Spring: the route passes
 * in what it received.
 */
public final class TwilioSignatureVerifier {

    private static final String BODY_SHA256 = "bodySHA256";

    private final RequestValidator validator;

    /** @param authToken the account's primary auth token ({@code gateway.twilio.auth-token}) */
    public TwilioSignatureVerifier(String authToken) {
        if (authToken == null || authToken.isBlank()) {
            throw new IllegalArgumentException("gateway.twilio.auth-token must be set to verify Twilio webhooks");
        }
        this.validator = new RequestValidator(authToken);
    }

    /**
     * The URL Twilio called, as it will have signed it: the configured public base URL ({@code gateway.public-url}),
     * then the request path and the query string exactly as received (still percent-encoded).
     */
    public static String requestUrl(String publicBaseUrl, String path, String rawQuery) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
        String url = base + (path.startsWith("/") ? path : "/" + path);
        return rawQuery == null || rawQuery.isEmpty() ? url : url + "?" + rawQuery;
    }

    /**
     * A form post: the signature covers the URL and every form parameter that arrived (Twilio adds parameters
     * without notice, so the list is never fixed here).
     *
     * @param params the decoded form body (see {@link TwilioForm#decode}), not the URL's query parameters
     */
    public boolean isValid(String url, Map<String, List<String>> params, String signature) {
        if (url == null || signature == null || signature.isEmpty()) {
            return false;
        }
        return validator.validate(url, singleValued(params), signature);
    }

    /**
     * A JSON post: Twilio puts {@code bodySHA256} (hex SHA-256 of the raw body) in the query and signs the URL alone;
     * the body is then checked against that hash.
     */
    public boolean isValidJson(String url, byte[] body, String signature) {
        if (url == null || body == null || signature == null || signature.isEmpty()) {
            return false;
        }
        String declared = bodySha256(url);
        if (declared == null || !validator.validate(url, Map.of(), signature)) {
            return false;
        }
        byte[] actual = Sha256.hex(body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(actual, declared.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Twilio signs {@code name + value} for every value of a repeated parameter (distinct values, sorted), while the
     * SDK takes one value per name and appends {@code name + value} for each name in sorted order. Joining the values
     * with the name between them makes the SDK build exactly the string Twilio signed.
     */
    private static Map<String, String> singleValued(Map<String, List<String>> params) {
        Map<String, String> joined = new TreeMap<>();
        if (params != null) {
            params.forEach((name, values) -> joined.put(name, String.join(name, new TreeSet<>(values))));
        }
        return joined;
    }

    private static String bodySha256(String url) {
        String query;
        try {
            query = new URI(url).getRawQuery();
        } catch (URISyntaxException e) {
            return null;
        }
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(BODY_SHA256 + "=")) {
                return pair.substring(BODY_SHA256.length() + 1);
            }
        }
        return null;
    }
}
