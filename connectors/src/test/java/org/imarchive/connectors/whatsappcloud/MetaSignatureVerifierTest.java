package org.imarchive.connectors.whatsappcloud;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetaSignatureVerifierTest {

    private static final JsonNode VECTORS = Fixtures.json("wa_cloud_signature_vectors.json");
    private final MetaSignatureVerifier verifier = new MetaSignatureVerifier(VECTORS.get("app_secret").asText());

    static Stream<JsonNode> fileVectors() {
        List<JsonNode> files = new ArrayList<>();
        VECTORS.get("files").forEach(files::add);
        return files.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("fileVectors")
    void everyFixtureBodyVerifiesOverItsRawBytes(JsonNode vector) {
        byte[] body = Fixtures.bytes(vector.get("file").asText());
        assertThat(body).hasSize(vector.get("body_bytes").asInt());
        assertThat(verifier.isValid(body, vector.get("x_hub_signature_256").asText())).isTrue();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("fileVectors")
    void oneFlippedByteInTheBodyIsRefused(JsonNode vector) {
        byte[] body = Fixtures.bytes(vector.get("file").asText());
        body[body.length / 2] ^= 1;
        assertThat(verifier.isValid(body, vector.get("x_hub_signature_256").asText())).isFalse();
    }

    @Test
    void minimalVectorVerifies() {
        JsonNode v = VECTORS.get("minimal_vector");
        byte[] body = v.get("raw_body").asText().getBytes(StandardCharsets.UTF_8);
        assertThat(new MetaSignatureVerifier(v.get("app_secret").asText()).isValid(body, v.get("x_hub_signature_256").asText()))
                .isTrue();
    }

    @Test
    void reserializedBodyDoesNotVerify() throws Exception {
        JsonNode v = VECTORS.get("files").get(0);
        byte[] raw = Fixtures.bytes(v.get("file").asText());
        // what a framework would hand over after parsing and writing the JSON back: unescaped UTF-8
        byte[] reserialized = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(raw));
        assertThat(reserialized).isNotEqualTo(raw);
        assertThat(verifier.isValid(reserialized, v.get("x_hub_signature_256").asText())).isFalse();
    }

    @Test
    void wrongSecretIsRefused() {
        JsonNode v = VECTORS.get("files").get(0);
        assertThat(new MetaSignatureVerifier("not-the-app-secret")
                .isValid(Fixtures.bytes(v.get("file").asText()), v.get("x_hub_signature_256").asText())).isFalse();
    }

    @Test
    void missingOrMalformedHeaderIsRefused() {
        JsonNode v = VECTORS.get("files").get(0);
        byte[] body = Fixtures.bytes(v.get("file").asText());
        String header = v.get("x_hub_signature_256").asText();
        assertThat(verifier.isValid(body, null)).isFalse();
        assertThat(verifier.isValid(body, header.substring("sha256=".length()))).isFalse();
        assertThat(verifier.isValid(body, "sha1=" + header.substring("sha256=".length()))).isFalse();
        assertThat(verifier.isValid(body, "sha256=zz")).isFalse();
        assertThat(verifier.isValid(body, header.substring(0, header.length() - 2))).isFalse();
    }

    @Test
    void upperCaseHexIsTheSameSignature() {
        JsonNode v = VECTORS.get("files").get(0);
        String header = v.get("x_hub_signature_256").asText();
        String upper = "sha256=" + header.substring("sha256=".length()).toUpperCase(Locale.ROOT);
        assertThat(verifier.isValid(Fixtures.bytes(v.get("file").asText()), upper)).isTrue();
    }

    @Test
    void blankSecretFailsFastNamingTheSetting() {
        assertThatThrownBy(() -> new MetaSignatureVerifier(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.whatsapp-cloud.app-secret");
    }

    @Test
    void handshakeWithOurTokenEchoesTheChallengeVerbatim() {
        var handshake = new MetaSubscriptionHandshake("my-verify-token-123");
        assertThat(handshake.respond("subscribe", "my-verify-token-123", "1158201444")).contains("1158201444");
    }

    @Test
    void handshakeWithAnotherTokenOrModeIsRefused() {
        var handshake = new MetaSubscriptionHandshake("my-verify-token-123");
        assertThat(handshake.respond("subscribe", "my-verify-token-124", "1158201444")).isEqualTo(Optional.empty());
        assertThat(handshake.respond("subscribe", null, "1158201444")).isEmpty();
        assertThat(handshake.respond("unsubscribe", "my-verify-token-123", "1158201444")).isEmpty();
        assertThat(handshake.respond(null, "my-verify-token-123", "1158201444")).isEmpty();
        assertThat(handshake.respond("subscribe", "my-verify-token-123", null)).isEmpty();
    }

    @Test
    void handshakeWithoutConfiguredTokenFailsFast() {
        assertThatThrownBy(() -> new MetaSubscriptionHandshake(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.whatsapp-cloud.verify-token");
    }
}
