package org.imarchive.connectors.telegram;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TelegramSecretVerifierTest {

    private final TelegramSecretVerifier verifier = new TelegramSecretVerifier("s3cr3t_Token-2024");

    @Test
    void theConfiguredSecretIsAccepted() {
        assertThat(verifier.isValid("s3cr3t_Token-2024")).isTrue();
    }

    @Test
    void anyOtherValueOrNoHeaderIsRefused() {
        assertThat(verifier.isValid("s3cr3t_Token-2025")).isFalse();
        assertThat(verifier.isValid("s3cr3t_token-2024")).isFalse();
        assertThat(verifier.isValid("s3cr3t_Token-2024 ")).isFalse();
        assertThat(verifier.isValid("s3cr3t_Token-202")).isFalse();
        assertThat(verifier.isValid("")).isFalse();
        assertThat(verifier.isValid(null)).isFalse();
    }

    @Test
    void secretTelegramWouldNotAcceptFailsFastNamingTheSetting() {
        assertThatThrownBy(() -> new TelegramSecretVerifier("has space"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway.telegram.webhook-secret")
                .hasMessageNotContaining("has space");
        assertThatThrownBy(() -> new TelegramSecretVerifier("x".repeat(257))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelegramSecretVerifier(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
