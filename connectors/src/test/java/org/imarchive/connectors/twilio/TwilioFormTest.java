package org.imarchive.connectors.twilio;

import org.imarchive.archive.pipeline.MalformedPayloadException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwilioFormTest {

    @Test
    void plusIsSpaceAndPercentEscapesAreUtf8() {
        var form = TwilioForm.decode("Body=Ol%C3%A1+%F0%9F%8C%BB%0Aok&To=whatsapp%3A%2B1".getBytes(StandardCharsets.US_ASCII));
        assertThat(form).containsEntry("Body", List.of("Olá 🌻\nok")).containsEntry("To", List.of("whatsapp:+1"));
    }

    @Test
    void repeatedNamesKeepEveryValueInOrderAndEmptyValuesSurvive() {
        var form = TwilioForm.decode("Tag=b&Body=&Tag=a&Flag".getBytes(StandardCharsets.US_ASCII));
        assertThat(form).containsEntry("Tag", List.of("b", "a")).containsEntry("Body", List.of("")).containsEntry("Flag", List.of(""));
        assertThat(form.keySet()).containsExactly("Tag", "Body", "Flag");
    }

    @Test
    void brokenPercentEscapeIsMalformed() {
        assertThatThrownBy(() -> TwilioForm.decode("Body=50%".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("percent escape");
        assertThatThrownBy(() -> TwilioForm.decode("Body=%G1".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedPayloadException.class).hasMessageContaining("percent escape");
    }

    @Test
    void bytesThatAreNotUtf8AreMalformedRatherThanReplaced() {
        assertThatThrownBy(() -> TwilioForm.decode("Body=caf%E9".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedPayloadException.class).hasMessage("form body is not UTF-8");
    }
}
