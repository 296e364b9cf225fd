package org.imarchive.connectors.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioSignatureVerifierTest {

    static Stream<JsonNode> formVectors() {
        List<JsonNode> vectors = new ArrayList<>();
        Fixtures.json("twilio_signature_vectors.json").forEach(v -> {
            if (v.path("content_type").asText().equals("application/x-www-form-urlencoded")) {
                vectors.add(v);
            }
        });
        return vectors.stream();
    }

    static Map<String, List<String>> params(JsonNode vector) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        vector.path("params_decoded").fields().forEachRemaining(e -> params.put(e.getKey(), List.of(e.getValue().asText())));
        return params;
    }

    static JsonNode vector(String file) {
        for (JsonNode v : Fixtures.json("twilio_signature_vectors.json")) {
            if (v.path("file").asText().equals(file)) {
                return v;
            }
        }
        throw new IllegalArgumentException(file);
    }

    static JsonNode sdkVector() {
        for (JsonNode v : Fixtures.json("twilio_signature_vectors.json")) {
            if (v.path("file").isNull()) {
                return v;
            }
        }
        throw new IllegalStateException("no SDK vector");
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("formVectors")
    void everyFormVectorIsValid(JsonNode vector) {
        var verifier = new TwilioSignatureVerifier(vector.get("auth_token").asText());
        assertThat(verifier.isValid(vector.get("url").asText(), params(vector), vector.get("x_twilio_signature").asText()))
                .isTrue();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("formVectors")
    void signatureOverUrlWithDefaultPortIsAcceptedForConfiguredUrlWithoutPort(JsonNode vector) {
        var verifier = new TwilioSignatureVerifier(vector.get("auth_token").asText());
        assertThat(verifier.isValid(vector.get("url").asText(), params(vector),
                vector.get("x_twilio_signature_if_twilio_signed_url_with_443").asText())).isTrue();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("formVectors")
    void signatureOverUrlWithoutPortIsAcceptedWhenConfiguredUrlHasDefaultPort(JsonNode vector) {
        var verifier = new TwilioSignatureVerifier(vector.get("auth_token").asText());
        assertThat(verifier.isValid(vector.get("url_with_explicit_443").asText(), params(vector),
                vector.get("x_twilio_signature").asText())).isTrue();
    }

    /** Vectors whose form body is also in the fixtures folder (the undelivered one has its parameters only). */
    static Stream<JsonNode> formVectorsWithBodyFile() {
        return formVectors().filter(v -> Files.exists(Fixtures.dir().resolve(v.get("file").asText())));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("formVectorsWithBodyFile")
    void capturedFormBodyDecodesToExactlyTheSignedParameters(JsonNode vector) {
        var decoded = TwilioForm.decode(Fixtures.bytes(vector.get("file").asText()));
        assertThat(decoded).isEqualTo(params(vector));
        var verifier = new TwilioSignatureVerifier(vector.get("auth_token").asText());
        assertThat(verifier.isValid(vector.get("url").asText(), decoded, vector.get("x_twilio_signature").asText())).isTrue();
    }

    @Test
    void twilioSdkOwnVectorsValidateWithAndWithoutPort() {
        JsonNode v = sdkVector();
        var verifier = new TwilioSignatureVerifier(v.get("auth_token").asText());
        String url = v.get("url").asText();
        assertThat(verifier.isValid(url, params(v), v.get("expected_by_sdk_tests").asText())).isTrue();
        assertThat(verifier.isValid(url, params(v), v.get("with_443_expected_by_sdk_tests").asText())).isTrue();
        assertThat(verifier.isValid(url.replace(".com/", ".com:443/"), params(v), v.get("expected_by_sdk_tests").asText()))
                .isTrue();
    }

    @Test
    void twilioSdkJsonVectorValidates() {
        JsonNode v = sdkVector();
        var verifier = new TwilioSignatureVerifier(v.get("auth_token").asText());
        String url = v.get("url").asText() + "&bodySHA256=" + v.get("json_bodySHA256").asText();
        byte[] body = v.get("json_body").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.isValidJson(url, body, v.get("json_signature_expected_by_sdk_tests").asText())).isTrue();
    }

    @Test
    void jsonBodyVariantValidatesAgainstItsBodyHash() {
        JsonNode v = vector("twilio_json_body_example.json");
        var verifier = new TwilioSignatureVerifier(v.get("auth_token").asText());
        byte[] body = Fixtures.bytes("twilio_json_body_example.json");
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(v.get("raw_body_utf8").asText());
        assertThat(verifier.isValidJson(v.get("url").asText(), body, v.get("x_twilio_signature").asText())).isTrue();
    }

    @Test
    void tamperedJsonBodyIsRefusedThoughTheUrlSignatureHolds() {
        JsonNode v = vector("twilio_json_body_example.json");
        var verifier = new TwilioSignatureVerifier(v.get("auth_token").asText());
        byte[] tampered = v.get("raw_body_utf8").asText().replace("Olá", "Ola").getBytes(StandardCharsets.UTF_8);
        assertThat(verifier.isValidJson(v.get("url").asText(), tampered, v.get("x_twilio_signature").asText())).isFalse();
    }

    @Test
    void jsonBodyWithoutBodyHashInUrlIsRefused() {
        JsonNode v = vector("twilio_json_body_example.json");
        var verifier = new TwilioSignatureVerifier(v.get("auth_token").asText());
        String url = "https://archive-gw.example.com/hooks/twilio/json";
        String signature = hmacSha1(v.get("auth_token").asText(), url);
        assertThat(verifier.isValidJson(url, Fixtures.bytes("twilio_json_body_example.json"), signature)).isFalse();
    }

    @Test
    void wrongAuthTokenIsRefused() {
        JsonNode v = vector("twilio_wa_inbound_image.form");
        var verifier = new TwilioSignatureVerifier("ffffffffffffffffffffffffffffffff");
        assertThat(verifier.isValid(v.get("url").asText(), params(v), v.get("x_twilio_signature").asText())).isFalse();
    }

    @Test
    void tamperedParameterIsRefused() {
        JsonNode v = vector("twilio_wa_inbound_image.form");
        var verifier = new TwilioSignatureVerifier(v.get("auth_token").asText());
        Map<String, List<String>> params = params(v);
        params.put("Body", List.of("Rechnung #4711 – bitte prüfen ✅\nZeile 2: Betrag 9.299,00 €"));
        assertThat(verifier.isValid(v.get("url").asText(), params, v.get("x_twilio_signature").asText())).isFalse();
    }

    @Test
    void addedOrRemovedParameterIsRefused() {
        JsonNode v = vector("twilio_wa_status_read.form");
        var verifier = new TwilioSignatureVerifier(v.get("auth_token").asText());
        Map<String, List<String>> added = params(v);
        added.put("ErrorCode", List.of("30008"));
        Map<String, List<String>> removed = params(v);
        removed.remove("EventType");
        assertThat(verifier.isValid(v.get("url").asText(), added, v.get("x_twilio_signature").asText())).isFalse();
        assertThat(verifier.isValid(v.get("url").asText(), removed, v.get("x_twilio_signature").asText())).isFalse();
    }

    @Test
    void otherPathOrQueryIsRefused() {
        JsonNode v = vector("twilio_wa_inbound_image.form");
        var verifier = new TwilioSignatureVerifier(v.get("auth_token").asText());
        String signature = v.get("x_twilio_signature").asText();
        assertThat(verifier.isValid(v.get("url").asText().replace("tenant=acme", "tenant=evil"), params(v), signature)).isFalse();
        assertThat(verifier.isValid(v.get("url").asText().replace("/whatsapp", "/status"), params(v), signature)).isFalse();
    }

    @Test
    void missingSignatureIsRefused() {
        JsonNode v = vector("twilio_wa_inbound_image.form");
        var verifier = new TwilioSignatureVerifier(v.get("auth_token").asText());
        assertThat(verifier.isValid(v.get("url").asText(), params(v), null)).isFalse();
        assertThat(verifier.isValid(v.get("url").asText(), params(v), "")).isFalse();
    }

    @Test
    void repeatedParameterIsSignedOverEachDistinctValueInSortedOrder() {
        String token = "0123456789abcdef0123456789abcdef";
        String url = "https://archive-gw.example.com/webhooks/twilio/messages";
        // the fact sheet's rule, written out: name + value for each distinct value, sorted; names sorted
        String signature = hmacSha1(token, url + "Tagalpha" + "Tagbeta" + "To+1");
        var params = new LinkedHashMap<String, List<String>>();
        params.put("To", List.of("+1"));
        params.put("Tag", List.of("beta", "alpha", "beta"));
        assertThat(new TwilioSignatureVerifier(token).isValid(url, params, signature)).isTrue();
    }

    @Test
    void requestUrlIsPublicBaseThenPathThenRawQuery() {
        assertThat(TwilioSignatureVerifier.requestUrl("https://gw.example.com/", "/webhooks/twilio/messages", "a=1&b=%2B"))
                .isEqualTo("https://gw.example.com/webhooks/twilio/messages?a=1&b=%2B");
        assertThat(TwilioSignatureVerifier.requestUrl("https://gw.example.com", "webhooks/twilio/status", null))
                .isEqualTo("https://gw.example.com/webhooks/twilio/status");
    }

    @Test
    void blankAuthTokenFailsFastNamingTheSetting() {
        assertThatThrownBy(() -> new TwilioSignatureVerifier(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gateway.twilio.auth-token");
    }

    private static String hmacSha1(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
