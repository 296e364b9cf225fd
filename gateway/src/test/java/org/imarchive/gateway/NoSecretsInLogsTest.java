package org.imarchive.gateway;

import org.imarchive.gateway.support.GatewayTest;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No message text, token or password in any log line, whether a webhook is accepted or refused. */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsInLogsTest extends GatewayTest {

    @Test
    void acceptedAndRefusedWebhooksLogNeitherTextNorSecrets(CapturedOutput output) throws Exception {
        ensureUser("compliance");
        String secretText = "my account number is 12345678 and the PIN 4321 " + System.nanoTime();
        Map<String, String> good = TwilioRequests.inboundText("SM" + "1".repeat(32), "+447700900124", secretText);
        assertThat(postSignedTwilio("/webhooks/twilio/messages", good).getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, String> forged = TwilioRequests.inboundText("SM" + "2".repeat(32), "+447700900124", secretText);
        assertThat(postTwilio("/webhooks/twilio/messages", forged, "bm90IGEgc2lnbmF0dXJl").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postTwilio("/webhooks/twilio/messages", forged, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        http.withBasicAuth("compliance", "a-wrong-password-guess").getForEntity("/api/audit", String.class);
        Thread.sleep(500);

        assertThat(output.getAll())
                .doesNotContain(secretText)
                .doesNotContain("12345678")
                .doesNotContain(TwilioRequests.AUTH_TOKEN)
                .doesNotContain(ADMIN_PASSWORD)
                .doesNotContain(USER_PASSWORD)
                .doesNotContain("a-wrong-password-guess");
    }
}
