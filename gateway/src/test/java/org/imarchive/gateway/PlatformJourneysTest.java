package org.imarchive.gateway;

import org.imarchive.gateway.support.Fixtures;
import org.imarchive.gateway.support.GatewayTest;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One journey per platform, from the platform's real payload through its real endpoint and signature scheme to the
 * archive's API: the message with its versions in {@code GET /api/messages/{id}}, and found by {@code GET /api/messages?q=}.
 */
class PlatformJourneysTest extends GatewayTest {

    @BeforeEach
    void users() {
        ensureUser("compliance");
    }

    @Test
    @SuppressWarnings("unchecked")
    void twilioInboundImageReplyAndReadStatus() {
        for (String fixture : List.of("twilio_wa_inbound_image.form", "twilio_wa_inbound_reply_text.form")) {
            Map<String, String> form = form(Fixtures.bytes(fixture));
            assertThat(postTwilio("/webhooks/twilio/messages", form, "c2lnbmF0dXJlIG9mIHNvbWV0aGluZyBlbHNl").getStatusCode())
                    .as(fixture + " with a wrong signature").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(postSignedTwilio("/webhooks/twilio/messages", form).getStatusCode()).as(fixture).isEqualTo(HttpStatus.OK);
        }
        Map<String, String> status = form(Fixtures.bytes("twilio_wa_status_read.form"));
        assertThat(postSignedTwilio("/webhooks/twilio/status", status).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(postSignedTwilio("/webhooks/twilio/status", status).getStatusCode()).as("a retried callback").isEqualTo(HttpStatus.OK);

        Map<String, String> image = form(Fixtures.bytes("twilio_wa_inbound_image.form"));
        Map<String, Object> message = await().atMost(Duration.ofSeconds(15)).until(() -> findByPlatformId(image.get("MessageSid")), m -> m != null);
        assertThat((String) message.get("text")).isEqualTo(image.get("Body"));
        assertThat((List<Map<String, Object>>) message.get("attachments")).hasSize(Integer.parseInt(image.get("NumMedia")));
        assertThat(message).containsEntry("channel", "twilio").containsEntry("platform", "whatsapp").containsEntry("direction", "inbound");

        Map<String, Object> read = await().atMost(Duration.ofSeconds(15)).until(() -> findByPlatformId(status.get("MessageSid")), m -> m != null);
        assertThat((List<Map<String, Object>>) read.get("deliveries")).extracting(d -> d.get("status")).containsExactly("read");
    }

    @Test
    @SuppressWarnings("unchecked")
    void metaCloudApiMessagesAndStatusesWithTheVectorsSignatures() {
        assertThat(http.getForEntity("/webhooks/whatsapp-cloud?hub.mode=subscribe&hub.verify_token=" + Fixtures.META_VERIFY_TOKEN
                + "&hub.challenge=1158201444", String.class).getBody()).isEqualTo("1158201444");
        assertThat(http.getForEntity("/webhooks/whatsapp-cloud?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1",
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        for (String fixture : List.of("wa_cloud_text.json", "wa_cloud_image_caption.json", "wa_cloud_status_delivered.json")) {
            byte[] body = Fixtures.bytes(fixture);
            assertThat(postRaw("/webhooks/whatsapp-cloud", body, "X-Hub-Signature-256", "sha256=" + "0".repeat(64)).getStatusCode())
                    .as(fixture + " with a wrong signature").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(postRaw("/webhooks/whatsapp-cloud", body, "X-Hub-Signature-256", Fixtures.metaSignature(body)).getStatusCode())
                    .as(fixture).isEqualTo(HttpStatus.OK);
        }
        Map<String, Object> text = await().atMost(Duration.ofSeconds(15)).until(() -> search("*", "whatsapp"),
                r -> ((List<Map<String, Object>>) r.get("items")).stream().anyMatch(item -> "whatsapp-cloud".equals(item.get("channel"))));
        assertThat((List<Map<String, Object>>) text.get("items")).anySatisfy(item -> assertThat(item.get("channel")).isEqualTo("whatsapp-cloud"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void telegramBusinessMessageEditAndDeletion() {
        for (String fixture : List.of("tg_business_message_text.json", "tg_edited_business_message.json", "tg_message_photo_caption.json",
                "tg_deleted_business_messages.json")) {
            byte[] body = Fixtures.bytes(fixture);
            assertThat(postRaw("/webhooks/telegram", body, "X-Telegram-Bot-Api-Secret-Token", "not-the-secret").getStatusCode())
                    .as(fixture + " with a wrong secret").isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(postRaw("/webhooks/telegram", body, "X-Telegram-Bot-Api-Secret-Token", Fixtures.TELEGRAM_SECRET).getStatusCode())
                    .as(fixture).isEqualTo(HttpStatus.OK);
        }
        Map<String, Object> first = await().atMost(Duration.ofSeconds(15)).until(() -> findByPlatformId("5128839021:4312"), m -> m != null
                && Boolean.TRUE.equals(m.get("deleted")));
        assertThat((String) first.get("text")).startsWith("Bonjour");
        assertThat((List<?>) first.get("versions")).hasSize(1);
        Map<String, Object> edited = await().atMost(Duration.ofSeconds(15)).until(() -> findByPlatformId("5128839021:4313"), m -> m != null
                && Boolean.TRUE.equals(m.get("deleted")));
        assertThat(edited).containsEntry("deleted", true).containsEntry("originalCaptured", false);
        assertThat((List<Map<String, Object>>) edited.get("versions")).extracting(v -> v.get("number")).containsExactly(2);

        Map<String, Object> found = await().atMost(Duration.ofSeconds(15)).until(() -> search("bonjour", "telegram"),
                r -> ((Number) r.get("total")).longValue() > 0);
        assertThat((List<Map<String, Object>>) found.get("items")).anySatisfy(item -> assertThat(item.get("deleted")).isEqualTo(true));
    }

    @Test
    @SuppressWarnings("unchecked")
    void telegramBusinessConnectionIsRegisteredWithItsRights() {
        String update = "{\"update_id\":874511999,\"business_connection\":{\"id\":\"BCjourney1\",\"user\":{\"id\":5128800001,"
                + "\"is_bot\":false,\"first_name\":\"Marco\",\"last_name\":\"Rossi\",\"username\":\"mrossi\"},\"user_chat_id\":5128800001,"
                + "\"date\":1704060000,\"rights\":{\"can_reply\":true,\"can_read_messages\":true},\"is_enabled\":true}}";
        assertThat(postRaw("/webhooks/telegram", update.getBytes(StandardCharsets.UTF_8), "X-Telegram-Bot-Api-Secret-Token", Fixtures.TELEGRAM_SECRET)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> connections = await().atMost(Duration.ofSeconds(15)).until(
                () -> as("compliance").getForObject("/api/telegram/business-connections", List.class),
                list -> ((List<Map<String, Object>>) list).stream().anyMatch(c -> "BCjourney1".equals(c.get("connection_id"))));
        assertThat(connections).anySatisfy(c -> {
            assertThat(c.get("connection_id")).isEqualTo("BCjourney1");
            assertThat(c.get("user_id")).isEqualTo("5128800001");
            assertThat((String) c.get("rights")).contains("can_reply=true");
        });
    }

    @Test
    void malformedBodiesAreRefusedWith400AndNothingIsArchived() {
        byte[] notJson = "{\"object\":\"whatsapp_business_account\",\"entry\":[".getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> meta = postRaw("/webhooks/whatsapp-cloud", notJson, "X-Hub-Signature-256", Fixtures.metaSignature(notJson));
        assertThat(meta.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(meta.getBody()).contains("reason");
        byte[] oversize = new byte[1024 * 1024 + 10];
        assertThat(postRaw("/webhooks/telegram", oversize, "X-Telegram-Bot-Api-Secret-Token", Fixtures.TELEGRAM_SECRET).getStatusCode())
                .isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
    }

    /**
     * The signature covers the bytes as sent: a body that is not valid UTF-8 must reach the signature check unchanged
     * (and then be refused as malformed), not be decoded and re-encoded into different bytes that fail the check.
     */
    @Test
    void aSignedBodyThatIsNotUtf8IsRefusedAsMalformedNotAsForged() {
        byte[] notUtf8 = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"\u00ff\"}]}".getBytes(StandardCharsets.ISO_8859_1);
        ResponseEntity<String> meta = postRaw("/webhooks/whatsapp-cloud", notUtf8, "X-Hub-Signature-256", Fixtures.metaSignature(notUtf8));
        assertThat(meta.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void whatsAppExportImportsOnceAndCountsDuplicatesTheSecondTime() {
        Map<String, Object> first = importExport("WhatsApp Chat with Jane.txt", Fixtures.bytes("whatsapp_android_en-US_12h_chat.txt"), "America/New_York");
        assertThat(((Number) first.get("imported")).longValue()).isPositive();
        assertThat(first).containsKeys("duplicates", "media", "system", "setAside");
        Map<String, Object> second = importExport("WhatsApp Chat with Jane.txt", Fixtures.bytes("whatsapp_android_en-US_12h_chat.txt"), "America/New_York");
        assertThat(second.get("imported")).isEqualTo(0);
        assertThat(second.get("duplicates")).isEqualTo(first.get("imported"));

        Map<String, Object> telegram = importExport("result.json", Fixtures.bytes("tdesktop_single_chat_result.json"), null);
        assertThat(((Number) telegram.get("imported")).longValue()).isPositive();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> importExport(String name, byte[] bytes, String zone) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        parts.add("custodian", "jsmith");
        parts.add("account", TwilioRequests.BUSINESS_NUMBER);
        if (zone != null) {
            parts.add("timezone", zone);
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> response = as("compliance").exchange("/api/imports", HttpMethod.POST, new HttpEntity<>(parts, headers), Map.class);
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ResponseEntity<String> postRaw(String path, byte[] body, String header, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add(header, value);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> search(String q, String platform) {
        return as("compliance").getForObject("/api/messages?q={q}&platform={platform}", Map.class, q, platform);
    }

    /** Walks every page of the archive's search (other tests share this archive) for the message with that platform id. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> findByPlatformId(String platformMessageId) {
        String cursor = null;
        do {
            Map<String, Object> result = as("compliance").getForObject("/api/messages?size=1000" + (cursor == null ? "" : "&cursor={c}"),
                    Map.class, cursor == null ? new Object[0] : new Object[]{cursor});
            var found = ((List<Map<String, Object>>) result.get("items")).stream()
                    .filter(item -> platformMessageId.equals(item.get("platformMessageId"))).findFirst();
            if (found.isPresent()) {
                return as("compliance").getForObject("/api/messages/" + found.get().get("id"), Map.class);
            }
            cursor = (String) result.get("next");
        } while (cursor != null);
        return null;
    }

    private static Map<String, String> form(byte[] body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).strip().split("&")) {
            int equals = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return form;
    }
}
