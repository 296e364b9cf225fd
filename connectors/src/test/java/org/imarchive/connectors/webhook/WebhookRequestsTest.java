package org.imarchive.connectors.webhook;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookRequestsTest {

    @Test
    void aWebhookPathIsServedByCamelsServletUnderItsMapping() {
        assertThat(WebhookRequests.endpoint("/webhooks/twilio/status", "POST"))
                .startsWith("servlet:/twilio/status?httpMethodRestrict=POST&")
                .contains("disableStreamCache=true", "mapHttpMessageFormUrlEncodedBody=false");
    }

    @Test
    void aPathOutsideTheServletsMappingIsRefused() {
        assertThatThrownBy(() -> WebhookRequests.endpoint("/api/webhooks/telegram", "POST"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/webhooks/");
    }
}
