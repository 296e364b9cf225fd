package org.imarchive.gateway.security.oidc;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OpenID Connect provider as the gateway sees one, on a loopback port: the discovery document at
 * {@code /.well-known/openid-configuration} and the signing keys at {@code /jwks} (OpenID Connect Discovery 1.0,
 * RFC 7517), the authorization code flow ({@code /authorize}, {@code /token}; OpenID Connect Core 3.1) for a browser
 * sign-in, the end-session endpoint ({@code /end-session}; RP-Initiated Logout 1.0) for its sign-out, and RS256-signed
 * ID/access tokens (RFC 7519) for the tests to present. It has no user info endpoint, so the
 * ID token alone says who signed in.
 */
public final class StandInIssuer implements AutoCloseable {
    private final HttpServer server;
    private final RSAKey signingKey;
    private final Map<String, String> nonceByCode = new ConcurrentHashMap<>();
    private final List<Map<String, String>> endedSessions = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String signingInUsername;
    private volatile List<String> signingInGroups;

    private StandInIssuer(HttpServer server, RSAKey signingKey) {
        this.server = server;
        this.signingKey = signingKey;
    }

    public static StandInIssuer start() {
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID("stand-in-" + UUID.randomUUID()).generate();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            StandInIssuer issuer = new StandInIssuer(server, key);
            server.createContext("/.well-known/openid-configuration", exchange -> issuer.json(exchange, issuer.discovery()));
            server.createContext("/jwks", exchange -> issuer.json(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/authorize", issuer::authorize);
            server.createContext("/token", issuer::token);
            server.createContext("/end-session", issuer::endSession);
            server.start();
            return issuer;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the stand-in issuer", e);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The person who signs in at the provider's page next, in the browser flow. */
    public void signInNext(String username, List<String> groups) {
        signingInUsername = username;
        signingInGroups = groups;
    }

    /** A token as the provider would issue it for a signed-in person. */
    public String token(String username, List<String> groups, String audience) {
        return sign(signingKey, claims(issuer(), username, groups, audience, Instant.now().plus(Duration.ofMinutes(5))));
    }

    public String tokenFromIssuer(String issuer, String username, List<String> groups, String audience) {
        return sign(signingKey, claims(issuer, username, groups, audience, Instant.now().plus(Duration.ofMinutes(5))));
    }

    public String expiredToken(String username, List<String> groups, String audience) {
        return sign(signingKey, claims(issuer(), username, groups, audience, Instant.now().minus(Duration.ofMinutes(10))));
    }

    /** Right in every claim, but signed by a key the issuer never published. */
    public String tokenSignedByAnotherKey(String username, List<String> groups, String audience) {
        try {
            RSAKey other = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
            return sign(other, claims(issuer(), username, groups, audience, Instant.now().plus(Duration.ofMinutes(5))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet claims(String issuer, String username, List<String> groups, String audience, Instant expiry) {
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("subject-" + username)
                .audience(audience)
                .claim("preferred_username", username)
                .claim("groups", groups)
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(10))))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .build();
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The authorization endpoint (OpenID Connect Core 3.1.2): the person has signed in; send the browser back to the
     * client's redirect URI with a one-time code and the client's state, and remember the nonce for the ID token.
     */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        nonceByCode.put(code, query.getOrDefault("nonce", ""));
        String location = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** The token endpoint (3.1.3): a known code is exchanged once for an access token and a signed ID token. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String nonce = nonceByCode.remove(body.getOrDefault("code", ""));
        String clientId = clientIdOf(exchange, body);
        if (nonce == null || !"authorization_code".equals(body.get("grant_type")) || clientId == null) {
            respond(exchange, 400, "{\"error\": \"invalid_grant\"}");
            return;
        }
        JWTClaimsSet.Builder idToken = new JWTClaimsSet.Builder(claims(issuer(), signingInUsername, signingInGroups, clientId,
                Instant.now().plus(Duration.ofMinutes(5)))).claim("azp", clientId);
        if (!nonce.isEmpty()) {
            idToken.claim("nonce", nonce);
        }
        respond(exchange, 200, "{\"access_token\": \"" + token(signingInUsername, signingInGroups, clientId)
                + "\", \"token_type\": \"Bearer\", \"expires_in\": 300, \"id_token\": \"" + sign(signingKey, idToken.build()) + "\"}");
    }

    /** What each request to the end-session endpoint asked for, oldest first. */
    public List<Map<String, String>> endedSessions() {
        return List.copyOf(endedSessions);
    }

    /**
     * The end-session endpoint (OpenID Connect RP-Initiated Logout 1.0, section 2): the provider's session ends, and
     * the browser goes back to the client's post-logout redirect URI.
     */
    private void endSession(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        endedSessions.add(query);
        String back = query.get("post_logout_redirect_uri");
        if (back == null) {
            respond(exchange, 200, "{}");
            return;
        }
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static String clientIdOf(HttpExchange exchange, Map<String, String> body) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String user = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            return URLDecoder.decode(user.substring(0, user.indexOf(':')), StandardCharsets.UTF_8);
        }
        return body.get("client_id");
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new HashMap<>();
        if (encoded != null) {
            for (String pair : encoded.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return fields;
    }

    private String discovery() {
        String base = issuer();
        return """
                {"issuer": "%1$s",
                 "authorization_endpoint": "%1$s/authorize",
                 "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks",
                 "end_session_endpoint": "%1$s/end-session",
                 "response_types_supported": ["code"],
                 "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"],
                 "scopes_supported": ["openid", "profile", "email"],
                 "claims_supported": ["sub", "preferred_username", "groups"]}
                """.formatted(base);
    }

    private void json(HttpExchange exchange, String body) throws IOException {
        respond(exchange, 200, body);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The claims of an ID token, for tests of the browser sign-in's mapping. */
    public static Map<String, Object> idTokenClaims(String username, List<String> groups) {
        return Map.of("sub", "subject-" + username, "preferred_username", username, "groups", groups);
    }
}
