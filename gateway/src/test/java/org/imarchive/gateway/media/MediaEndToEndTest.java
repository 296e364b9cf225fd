package org.imarchive.gateway.media;

import org.imarchive.gateway.support.TestFiles;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.imarchive.archive.support.Sha256;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journey of a document sent on WhatsApp through Twilio: the signed webhook is archived at once; the media is
 * fetched from Twilio (which first fails, then redirects to its media host) with the account's credentials, stored
 * by its hash, and its text extracted and found by a compliance officer's search.
 *
 * <p>Its own data directory and port rather than {@code GatewayTest}'s: it needs settings (the Twilio API URL) that
 * the shared context does not have.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class MediaEndToEndTest {
    static final String ADMIN_PASSWORD = "admin-password-for-media-tests";
    static final String COMPLIANCE_PASSWORD = "compliance-password-for-media-tests";
    static final String ACCOUNT_SID = "AC" + "7".repeat(32);
    static final String MESSAGE_SID = "MM" + "7".repeat(32);
    static final String MEDIA_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages/" + MESSAGE_SID + "/Media/ME" + "7".repeat(32);
    static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(
            (ACCOUNT_SID + ":" + TwilioRequests.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
    static final byte[] TERM_SHEET = pdf("Term sheet: Kapitalgarantie on the structured note");

    static final Path dataDir = TestFiles.tempDir("gateway-media-test");
    static final int port = TestFiles.freePort();
    static final AtomicInteger twilioRequests = new AtomicInteger();
    static final HttpServer mediaHost = server();
    static final HttpServer twilioApi = server();
    static volatile String credentialsSeenByMediaHost;

    static {
        mediaHost.createContext("/media/", exchange -> {
            credentialsSeenByMediaHost = exchange.getRequestHeaders().getFirst("Authorization");
            respond(exchange, 200, "application/pdf", TERM_SHEET);
        });
        twilioApi.createContext(MEDIA_PATH, exchange -> {
            if (!BASIC.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "application/json", "{\"code\":20003}".getBytes(StandardCharsets.UTF_8));
            } else if (twilioRequests.incrementAndGet() == 1) {
                respond(exchange, 503, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            } else {
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:" + mediaHost.getAddress().getPort() + "/media/term-sheet");
                respond(exchange, 307, null, new byte[0]);
            }
        });
    }

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> port);
        registry.add("gateway.public-url", () -> "http://127.0.0.1:" + port);
        registry.add("gateway.data-dir", dataDir::toString);
        registry.add("gateway.security.bootstrap-admin.password", () -> ADMIN_PASSWORD);
        registry.add("gateway.twilio.auth-token", () -> TwilioRequests.AUTH_TOKEN);
        registry.add("gateway.twilio.account-sid", () -> ACCOUNT_SID);
        registry.add("gateway.twilio.api-url", () -> "http://127.0.0.1:" + twilioApi.getAddress().getPort());
        registry.add("gateway.media.initial-backoff", () -> "PT1S");
        registry.add("gateway.accounts.approved[0].platform", () -> "whatsapp");
        registry.add("gateway.accounts.approved[0].account-id", () -> TwilioRequests.BUSINESS_NUMBER);
    }

    @AfterAll
    static void stopServers() {
        twilioApi.stop(0);
        mediaHost.stop(0);
    }

    @Test
    @SuppressWarnings("unchecked")
    void documentSentThroughTwilioIsStoredByItsHashAndFoundByItsText(CapturedOutput output) {
        createComplianceUser();
        Map<String, String> form = TwilioRequests.inboundText(MESSAGE_SID, "+447700900777", "signed term sheet attached");
        form.put("MessageType", "document");
        form.put("NumMedia", "1");
        form.put("MediaUrl0", "http://127.0.0.1:" + twilioApi.getAddress().getPort() + MEDIA_PATH);
        form.put("MediaContentType0", "application/pdf");
        assertThat(postSigned("/webhooks/twilio/messages", form).getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).until(() -> total("q=Kapitalgarantie") > 0);

        Map<String, Object> hits = compliance().getForObject("/api/messages?q=Kapitalgarantie", Map.class);
        String id = (String) ((List<Map<String, Object>>) hits.get("items")).get(0).get("id");
        Map<String, Object> message = compliance().getForObject("/api/messages/" + id, Map.class);
        assertThat(message.get("platformMessageId")).isEqualTo(MESSAGE_SID);
        assertThat((List<Map<String, Object>>) message.get("attachments")).singleElement().satisfies(attachment -> {
            assertThat(attachment.get("state")).isEqualTo("stored");
            assertThat(attachment.get("sha256")).isEqualTo(Sha256.hex(TERM_SHEET));
            assertThat(((Number) attachment.get("size")).longValue()).isEqualTo(TERM_SHEET.length);
        });
        assertThat((List<Map<String, Object>>) message.get("records")).extracting(record -> record.get("type")).contains("message", "media");
        assertThat(twilioRequests.get()).as("the first attempt failed and was retried").isEqualTo(2);
        assertThat(credentialsSeenByMediaHost).as("credentials stay on Twilio's API host").isNull();
        assertThat(output.getAll()).doesNotContain(TwilioRequests.AUTH_TOKEN).doesNotContain("structured note");
    }

    private void createComplianceUser() {
        var created = http.withBasicAuth("admin", ADMIN_PASSWORD).postForEntity("/api/admin/users",
                Map.of("username", "compliance", "password", COMPLIANCE_PASSWORD, "roles", List.of("COMPLIANCE")), Map.class);
        assertThat(created.getStatusCode().is2xxSuccessful()).as("compliance user created: %s", created).isTrue();
    }

    private TestRestTemplate compliance() {
        return http.withBasicAuth("compliance", COMPLIANCE_PASSWORD);
    }

    private long total(String query) {
        Map<?, ?> result = compliance().getForObject("/api/messages?" + query, Map.class);
        return ((Number) result.get("total")).longValue();
    }

    private org.springframework.http.ResponseEntity<String> postSigned(String path, Map<String, String> form) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-Twilio-Signature", TwilioRequests.signature("http://127.0.0.1:" + port + path, form));
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(TwilioRequests.formBody(form), headers), String.class);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] pdf(String line) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
