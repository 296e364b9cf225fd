package org.imarchive.gateway;

import org.imarchive.archive.testing.TestDatabases;
import org.imarchive.gateway.cli.Commands;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole gateway on PostgreSQL instead of the embedded H2: every migration, a webhook through to the API, the audit
 * trail and {@code verify}. Skipped without the test PostgreSQL, failed under CI's require-servers.
 */
class PostgresGatewayTest {

    @Test
    @SuppressWarnings("unchecked")
    void gatewayRunsOnPostgres() throws Exception {
        var postgres = (org.postgresql.ds.PGSimpleDataSource) TestDatabases.postgres();
        Path dataDir = Files.createTempDirectory("gateway-pg");
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String[] settings = {
                "--server.port=" + port,
                "--gateway.data-dir=" + dataDir,
                "--gateway.public-url=http://127.0.0.1:" + port,
                "--gateway.twilio.auth-token=" + TwilioRequests.AUTH_TOKEN,
                "--gateway.security.bootstrap-admin.password=pg-admin-password",
                // a server database needs its master key configured: none is generated beside a shared database
                "--gateway.archive.encryption.master-key=" + org.imarchive.archive.crypto.MasterKey.generate().toBase64(),
                "--spring.datasource.url=" + postgres.getUrl() + (postgres.getUrl().contains("?") ? "&" : "?") + "currentSchema=" + postgres.getCurrentSchema(),
                "--spring.datasource.username=" + postgres.getUser(),
                "--spring.datasource.password=" + postgres.getPassword()};
        try (ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .web(WebApplicationType.SERVLET).run(settings)) {
            TestRestTemplate http = new TestRestTemplate().withBasicAuth("admin", "pg-admin-password");
            String base = "http://127.0.0.1:" + port;
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            assertThat(http.exchange(base + "/api/admin/users", HttpMethod.POST, new HttpEntity<>(
                    "{\"username\":\"compliance\",\"password\":\"pg-compliance-password\",\"roles\":[\"COMPLIANCE\"]}", json), String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.CREATED);
            TestRestTemplate compliance = new TestRestTemplate().withBasicAuth("compliance", "pg-compliance-password");

            Map<String, String> form = TwilioRequests.inboundText("SM" + "4".repeat(32), "+447700900444", "archived in PostgreSQL");
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
            headers.add("X-Twilio-Signature", TwilioRequests.signature(base + "/webhooks/twilio/messages", form));
            assertThat(new TestRestTemplate().exchange(base + "/webhooks/twilio/messages", HttpMethod.POST,
                    new HttpEntity<>(TwilioRequests.formBody(form), headers), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);

            Map<String, Object> found = await().atMost(Duration.ofSeconds(20)).until(() -> compliance.getForObject(base + "/api/messages?q=postgresql",
                    Map.class), r -> ((Number) r.get("total")).longValue() == 1);
            String id = (String) ((List<Map<String, Object>>) found.get("items")).get(0).get("id");
            assertThat(compliance.getForObject(base + "/api/messages/" + id, Map.class)).containsEntry("text", "archived in PostgreSQL");
            assertThat(compliance.exchange(base + "/api/messages/" + id, HttpMethod.DELETE, null, Map.class).getStatusCode())
                    .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);

            String[] verify = new String[settings.length];
            verify[0] = "verify";
            System.arraycopy(settings, 1, verify, 1, settings.length - 1);
            assertThat(Commands.run(verify)).isZero();
        }
    }
}
