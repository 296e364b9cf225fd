package org.imarchive.gateway.ui;

import org.imarchive.gateway.security.LocalUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.LinkedMultiValueMap;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What each page shows and does, through the same services (and audit entries) as the API. */
class UiPagesTest extends UiGatewayTest {
    static final String IMPORTED_ACCOUNT = "+15550002222";

    @Autowired
    LocalUsers users;

    @BeforeEach
    void conversation() {
        prepare();
    }

    private static RequestPostProcessor user(String name, String role) {
        return SecurityMockMvcRequestPostProcessors.user(name).roles(role);
    }

    @Test
    void theItemPageShowsTheMessageInItsConversationWithTheHitMarked() throws Exception {
        String page = mvc.perform(get("/ui/items/" + flaggedItem()).param("pos", "0").with(user("compliance", "COMPLIANCE")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<mark title=\"off-channel / personal-device\">text me on my personal</mark>")
                .contains(BEFORE.get(0)).contains(AFTER.get(1)).contains("aria-keyshortcuts=\"e\"").contains("aria-keyshortcuts=\"j\"")
                .contains("lexicon:off-channel");
        assertThat(as("auditor").getForObject("/api/audit?actor=compliance&action=review.open&size=5", Map.class).get("items")).asList()
                .anySatisfy(entry -> assertThat((Map<String, Object>) entry).containsEntry("target", flaggedItem()));
    }

    @Test
    void theQueueFiltersByReasonAndTheSearchMarksItsMatches() throws Exception {
        mvc.perform(get("/ui/queue").param("state", "").param("reason", "lexicon:off-channel").with(user("compliance", "COMPLIANCE")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(flaggedItem())));
        mvc.perform(get("/ui/queue").param("state", "").param("reason", "lexicon:complaints").with(user("compliance", "COMPLIANCE")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("No items match these filters.")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/ui/search").param("q", "factsheet").with(user("rita", "REVIEWER")))
                        .andExpect(status().isOk()).andExpect(content().string(containsString("<mark>factsheet</mark>"))));
        mvc.perform(get("/ui/search").param("q", "factsheet").with(user("rex", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("0 messages")));
        mvc.perform(get("/ui/search").param("q", "text:(").with(user("rita", "REVIEWER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("class=\"error\"")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anImageIsServedInlineByItsBytesOnlyToWhoMaySeeItsMessageAndEveryViewIsAudited() throws Exception {
        String messageId = importedImageMessage();
        Map<String, Object> message = as("compliance").getForObject("/api/messages/" + messageId, Map.class);
        Map<String, Object> attachment = ((List<Map<String, Object>>) message.get("attachments")).get(0);
        String sha256 = (String) attachment.get("sha256");
        assertThat(attachment).containsEntry("state", "stored").doesNotContainKey("mediaType");

        mvc.perform(get("/ui/messages/" + messageId).with(user("compliance", "COMPLIANCE")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("src=\"/ui/blobs/" + messageId + "/" + sha256 + "\"")));
        MvcResult image = mvc.perform(get("/ui/blobs/" + messageId + "/" + sha256).with(user("compliance", "COMPLIANCE")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff")).andReturn();
        assertThat(image.getResponse().getContentAsByteArray()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        mvc.perform(get("/ui/blobs/" + messageId + "/" + sha256).with(user("rita", "REVIEWER"))).andExpect(status().isNotFound());
        // a blob is served only as part of its own message
        mvc.perform(get("/ui/blobs/" + flaggedMessage() + "/" + sha256).with(user("compliance", "COMPLIANCE"))).andExpect(status().isNotFound());
        List<Map<String, Object>> trail = (List<Map<String, Object>>) as("auditor").getForObject("/api/audit?action=blob.view&size=20", Map.class)
                .get("items");
        assertThat(trail).extracting(e -> e.get("actor") + " " + e.get("outcome"))
                .contains("compliance success", "rita refused", "compliance failed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void complianceStartsAnExportFollowsItAndDownloadsTheZip() throws Exception {
        MvcResult started = mvc.perform(post("/ui/exports").param("matter", "UI-2026-01").param("query", "factsheet").param("formats", "csv")
                .with(user("compliance", "COMPLIANCE")).with(csrf())).andExpect(status().isFound()).andReturn();
        String location = started.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/ui/exports/");
        String id = location.substring("/ui/exports/".length());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                mvc.perform(get(location).with(user("compliance", "COMPLIANCE"))).andExpect(status().isOk())
                        .andExpect(content().string(containsString("Download the production (ZIP)"))));
        mvc.perform(get("/ui/exports").with(user("compliance", "COMPLIANCE"))).andExpect(content().string(containsString("UI-2026-01")));
        MvcResult zip = mvc.perform(get(location + "/download").with(user("compliance", "COMPLIANCE")))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/zip")).andReturn();
        assertThat(zip.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
        assertThat(as("auditor").getForObject("/api/audit?action=export.download&size=5", Map.class).get("items")).asList()
                .anySatisfy(entry -> assertThat((Map<String, Object>) entry).containsEntry("target", id).containsEntry("actor", "compliance"));
        mvc.perform(post("/ui/exports").param("matter", " ").with(user("compliance", "COMPLIANCE")).with(csrf()))
                .andExpect(flash().attribute("error", "matter is required"));
    }

    @Test
    void complianceHoldsACustodiansMessagesAndReleasesThemWithAReason() throws Exception {
        String location = mvc.perform(post("/ui/holds").param("matter", "UI-HOLD-1").param("reason", "litigation expected").param("custodians", RM)
                        .with(user("compliance", "COMPLIANCE")).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "Hold placed for UI-HOLD-1.")).andReturn()
                .getResponse().getRedirectedUrl();
        mvc.perform(get(location).with(user("auditor", "AUDITOR"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("litigation expected")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Release the hold"))));
        mvc.perform(post(location + "/release").param("reason", "").with(user("compliance", "COMPLIANCE")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("reason")));
        mvc.perform(post(location + "/release").param("reason", "matter settled").with(user("compliance", "COMPLIANCE")).with(csrf()))
                .andExpect(flash().attribute("notice", "Hold released."));
        mvc.perform(get("/ui/holds").with(user("compliance", "COMPLIANCE"))).andExpect(content().string(containsString("UI-HOLD-1")))
                .andExpect(content().string(containsString("released")));
        mvc.perform(post("/ui/holds").param("matter", "UI-HOLD-2").param("reason", "no scope").with(user("compliance", "COMPLIANCE")).with(csrf()))
                .andExpect(flash().attributeExists("error"));
    }

    @Test
    void theAuditTrailPageIsReadOnlyAndReadingItIsAudited() throws Exception {
        mvc.perform(get("/ui/audit").param("action", "review.item.create").with(user("auditor", "AUDITOR")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(flaggedItem())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("<form method=\"post\""))));
        assertThat(as("auditor").getForObject("/api/audit?actor=auditor&action=audit.read&size=5", Map.class).get("items")).asList()
                .anySatisfy(entry -> assertThat(String.valueOf(((Map<?, ?>) entry).get("details"))).contains("action=review.item.create"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAccountRequestedOnThePageIsApprovedByASecondPersonOnly() throws Exception {
        String account = "+15550003333";
        mvc.perform(post("/ui/accounts").param("platform", "whatsapp").param("account", account).param("owner", "rm-bob")
                        .param("justification", "new desk line").param("reviewDate", LocalDate.now().plusYears(1).toString())
                        .with(user("admin", "ADMIN")).with(csrf()))
                .andExpect(flash().attribute("notice", containsString("requested")));
        Map<String, Object> requested = ((List<Map<String, Object>>) as("compliance").getForObject("/api/accounts", List.class)).stream()
                .filter(a -> account.equals(a.get("accountId"))).findFirst().orElseThrow();
        String id = (String) requested.get("id");
        mvc.perform(post("/ui/accounts/" + id + "/approve").with(user("admin", "ADMIN")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/ui/accounts/" + id + "/approve").param("comment", "checked with the desk").with(user("compliance", "COMPLIANCE")).with(csrf()))
                .andExpect(flash().attribute("notice", "Approved."));
        mvc.perform(get("/ui/accounts").with(user("auditor", "AUDITOR"))).andExpect(content().string(containsString(account)))
                .andExpect(content().string(containsString("approved")));
        mvc.perform(post("/ui/accounts/" + id + "/revoke").param("reason", "").with(user("compliance", "COMPLIANCE")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("reason")));
    }

    @Test
    void anAdminCreatesAUserAndSeesTheGroupsAndPolicies() throws Exception {
        mvc.perform(post("/ui/admin/users").param("username", "rachel").param("password", "rachel-password-1").param("roles", "REVIEWER")
                .with(user("admin", "ADMIN")).with(csrf())).andExpect(flash().attribute("notice", "User rachel created."));
        assertThat(users.exists("rachel")).isTrue();
        mvc.perform(post("/ui/admin/users").param("username", "short").param("password", "short").param("roles", "REVIEWER")
                .with(user("admin", "ADMIN")).with(csrf())).andExpect(flash().attribute("error", containsString("12 characters")));
        mvc.perform(get("/ui/admin/groups").with(user("admin", "ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("rita, rm-anna, sam"))).andExpect(content().string(containsString("off-channel.yml")));
    }

    @Test
    void noTemplateCarriesAnInlineScriptStyleOrHandler() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\sstyle=|<style|\\son[a-z]+=|javascript:|th:utext", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> templates = Files.list(Path.of("src", "main", "resources", "templates"))) {
            for (Path template : templates.toList()) {
                assertThat(inline.matcher(Files.readString(template)).find()).as(template.toString()).isFalse();
            }
        }
    }

    /** A WhatsApp export with one photo, imported for an account nobody owns: only unrestricted callers see it. */
    private String importedImageMessage() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("WhatsApp Chat with Dana.txt"));
            out.write(("11/20/26, 9:00 AM - Dana: Here is the chart\n11/20/26, 9:01 AM - Dana: IMG-20261120-WA0001.png (file attached)\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new ZipEntry("IMG-20261120-WA0001.png"));
            out.write(png.toByteArray());
        }
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(zip.toByteArray()) {
            @Override
            public String getFilename() {
                return "WhatsApp Chat with Dana.zip";
            }
        });
        parts.add("custodian", "rm-nobody");
        parts.add("account", IMPORTED_ACCOUNT);
        parts.add("timezone", "UTC");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map> imported = as("compliance").exchange("/api/imports", HttpMethod.POST, new HttpEntity<>(parts, headers), Map.class);
        assertThat(imported.getStatusCode()).as(String.valueOf(imported.getBody())).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("select count(*) from message where account_id = '" + IMPORTED_ACCOUNT + "'") >= 2);
        return jdbc.queryForList("select message_id from message where account_id = ? order by sent_at desc", String.class, IMPORTED_ACCOUNT).get(0);
    }
}
