package org.imarchive.gateway;

import org.imarchive.gateway.support.GatewayTest;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The configuration a gateway starts with is on the audit trail, with secrets shown only as a hash prefix. */
class ConfigurationAuditTest extends GatewayTest {

    @Test
    @SuppressWarnings("unchecked")
    void startRecordsTheConfigurationWithoutItsSecrets() {
        ensureUser("auditor");
        Map<String, Object> page = as("auditor").getForObject("/api/audit?actor=system&action=config.applied&size=5", Map.class);
        List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
        assertThat(items).isNotEmpty();
        String details = (String) items.get(0).get("details");
        assertThat(details).contains("gateway.accounts.approved[0].account-id=" + TwilioRequests.BUSINESS_NUMBER)
                .containsPattern("gateway.twilio.auth-token=sha256:[0-9a-f]{12}")
                .doesNotContain(TwilioRequests.AUTH_TOKEN)
                .doesNotContain(ADMIN_PASSWORD);
    }
}
