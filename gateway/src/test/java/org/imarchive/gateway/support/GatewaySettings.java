package org.imarchive.gateway.support;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.nio.file.Path;

/** The settings every whole-gateway test starts from: its port and data, a known admin, the platforms' test secrets. */
public final class GatewaySettings {

    private GatewaySettings() {
    }

    public static void register(DynamicPropertyRegistry registry, int port, Path dataDir, String adminPassword) {
        registry.add("server.port", () -> port);
        registry.add("gateway.public-url", () -> "http://127.0.0.1:" + port);
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.security.bootstrap-admin.password", () -> adminPassword);
        registry.add("gateway.twilio.auth-token", () -> TwilioRequests.AUTH_TOKEN);
        registry.add("gateway.whatsapp-cloud.app-secret", () -> Fixtures.META_APP_SECRET);
        registry.add("gateway.whatsapp-cloud.verify-token", () -> Fixtures.META_VERIFY_TOKEN);
        registry.add("gateway.telegram.webhook-secret", () -> Fixtures.TELEGRAM_SECRET);
    }
}
