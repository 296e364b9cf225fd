package org.imarchive.gateway.reports;

import org.imarchive.gateway.support.GatewaySettings;
import org.imarchive.gateway.support.TestFiles;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.imarchive.gateway.support.TwilioRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway of its own (its archive holds only what this test puts in it): three messages to rm-anna's number, one a
 * complaint, every message sampled; rita closes one item and takes another; two holds, one released. The reports of
 * today give exactly those figures, in CSV read back with Commons CSV and in a PDF read with pdftotext; a supervisor
 * sees only their groups' RMs; the retention report is for compliance and auditors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ReportsJourneyTest {
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static final String USER_PASSWORD = "user-password-for-tests";
    private static final String QUIET_NUMBER = "+15550002222";
    private static final Path dataDir = TestFiles.tempDir("reports-gateway-test");
    private static final int port = TestFiles.freePort();
    private static boolean archived;

    @Autowired
    TestRestTemplate http;
    @TempDir
    Path pdfDir;

    @DynamicPropertySource
    static void gatewaySettings(DynamicPropertyRegistry registry) {
        GatewaySettings.register(registry, port, dataDir, ADMIN_PASSWORD);
        registry.add("gateway.accounts.approved[0].platform", () -> "whatsapp");
        registry.add("gateway.accounts.approved[0].account-id", () -> TwilioRequests.BUSINESS_NUMBER);
        registry.add("gateway.accounts.approved[0].owner", () -> "rm-anna");
        registry.add("gateway.accounts.approved[1].platform", () -> "whatsapp");
        registry.add("gateway.accounts.approved[1].account-id", () -> QUIET_NUMBER);
        registry.add("gateway.accounts.approved[1].owner", () -> "rm-bob");
        registry.add("gateway.supervision.policies-dir", () -> Path.of("..", "config", "policies").toAbsolutePath().normalize().toString());
        registry.add("gateway.supervision.sample-rate", () -> "1.0");
        registry.add("gateway.supervision.groups[0].name", () -> "wealth");
        registry.add("gateway.supervision.groups[0].members", () -> "rita,sam");
        registry.add("gateway.supervision.groups[0].rms", () -> "rm-anna");
        registry.add("gateway.supervision.groups[1].name", () -> "retail");
        registry.add("gateway.supervision.groups[1].members", () -> "sue");
        registry.add("gateway.supervision.groups[1].rms", () -> "rm-bob");
        registry.add("gateway.exports.firm-zone", () -> "UTC");
    }

    @BeforeEach
    void knownArchive() {
        if (archived) {
            return;
        }
        for (String[] user : new String[][]{{"compliance", "COMPLIANCE"}, {"auditor", "AUDITOR"}, {"sam", "SUPERVISOR"}, {"sue", "SUPERVISOR"},
                {"rita", "REVIEWER"}, {"rm-anna", "RM"}}) {
            assertThat(as("admin").postForEntity("/api/admin/users", Map.of("username", user[0], "password", USER_PASSWORD, "roles", List.of(user[1])),
                    Map.class).getStatusCode().is2xxSuccessful()).isTrue();
        }
        send("SM00000000000000000000000000000001", "I complain about the fees");
        send("SM00000000000000000000000000000002", "see you on monday");
        send("SM00000000000000000000000000000003", "thanks for the call");
        await().atMost(Duration.ofSeconds(60)).until(() -> items().size() == 3);
        Map<String, Object> complaint = items().stream().filter(item -> ((List<?>) item.get("reasons")).contains("lexicon:complaints")).findFirst().orElseThrow();
        Map<String, Object> another = items().stream().filter(item -> item != complaint && !item.get("id").equals(complaint.get("id"))).findFirst().orElseThrow();
        assertThat(as("rita").postForEntity("/api/review/items/" + complaint.get("id") + "/assign", Map.of(), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("rita").postForEntity("/api/review/items/" + complaint.get("id") + "/decision",
                Map.of("outcome", "no_issue", "comment", "a complaint about fees, answered"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as("rita").postForEntity("/api/review/items/" + another.get("id") + "/assign", Map.of(), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);

        Map<String, Object> scope = Map.of("custodians", List.of("rm-anna"));
        String kept = (String) as("compliance").postForEntity("/api/holds", Map.of("matter", "FINRA 2026-7", "reason", "inquiry", "scope", scope), Map.class)
                .getBody().get("id");
        String lifted = (String) as("compliance").postForEntity("/api/holds", Map.of("matter", "SEC 2026-3", "reason", "subpoena", "scope", scope), Map.class)
                .getBody().get("id");
        assertThat(as("compliance").postForEntity("/api/holds/" + lifted + "/release", Map.of("reason", "withdrawn"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(kept).isNotBlank();
        archived = true;
    }

    @Test
    void supervisionCsvGivesTheArchivesFigures() throws IOException {
        List<CSVRecord> rows = csv("compliance", "supervision");

        assertThat(value(rows, "report", "", "scope")).isEqualTo("all relationship managers");
        assertThat(value(rows, "account", TwilioRequests.BUSINESS_NUMBER, "inbound")).isEqualTo("3");
        assertThat(value(rows, "account", TwilioRequests.BUSINESS_NUMBER, "outbound")).isEqualTo("0");
        assertThat(rows).filteredOn(row -> row.get("section").equals("account") && row.get("metric").equals("messages"))
                .extracting(row -> row.get("rm")).containsExactly("rm-anna");
        assertThat(rows).filteredOn(row -> row.get("section").equals("quiet")).extracting(row -> row.get("account") + " " + row.get("rm"))
                .containsExactly(QUIET_NUMBER + " rm-bob");
        assertThat(rows).filteredOn(row -> row.get("section").equals("policy")).extracting(row -> row.get("policy") + " " + row.get("metric") + "=" + row.get("value"))
                .containsExactly("complaints hits=1", "complaints items=1");
        // rita: the complaint (flagged, sampled, closed by her) and the item she took (sampled, open); the third open and nobody's
        assertThat(reviewer(rows, "rita")).isEqualTo("flagged=1 sampled=2 reviewed=1 open_at_end=1 overdue_at_end=0");
        assertThat(reviewer(rows, "(unassigned)")).isEqualTo("flagged=0 sampled=1 reviewed=0 open_at_end=1 overdue_at_end=0");
        assertThat(value(rows, "total", "", "messages")).isEqualTo("3");
    }

    @Test
    void aSupervisorSeesOnlyTheirGroupsRms() throws IOException {
        List<CSVRecord> sams = csv("sam", "supervision");
        assertThat(value(sams, "report", "", "scope")).isEqualTo("relationship managers supervised by sam: rm-anna");
        assertThat(value(sams, "total", "", "messages")).isEqualTo("3");
        assertThat(sams).noneMatch(row -> row.get("section").equals("quiet"));

        List<CSVRecord> sues = csv("sue", "supervision");
        assertThat(value(sues, "total", "", "messages")).isEqualTo("0");
        assertThat(value(sues, "total", "", "reviewed")).isEqualTo("0");
        assertThat(sues).filteredOn(row -> row.get("section").equals("quiet")).extracting(row -> row.get("account")).containsExactly(QUIET_NUMBER);
    }

    @Test
    void retentionCsvCountsTodaysHolds() throws IOException {
        List<CSVRecord> rows = csv("auditor", "retention");

        assertThat(rows).filteredOn(row -> row.get("section").equals("total")).extracting(row -> row.get("metric") + "=" + row.get("value"))
                .containsExactly("holds_placed=2", "holds_active_at_end=1", "holds_released=1", "certificates_issued=0", "records_disposed=0",
                        "records_held_back_by_holds=0", "erasure_requests_answered=0");
        assertThat(rows).filteredOn(row -> row.get("section").equals("released") && row.get("metric").equals("release_reason"))
                .extracting(row -> row.get("matter") + ": " + row.get("value")).containsExactly("SEC 2026-3: withdrawn");
    }

    @Test
    void pdfReportsReadWithPdftotextAndEmbedEveryFont() throws Exception {
        ResponseEntity<byte[]> pdf = as("compliance").getForEntity(path("supervision", "pdf"), byte[].class);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        Path file = Files.write(pdfDir.resolve("supervision.pdf"), pdf.getBody());
        String text = run("pdftotext", "-layout", file.toString(), "-");
        assertThat(text).contains("Supervision report", "Messages captured: 3", "approved accounts gone quiet: 1", "lexicon hits: 1", "SUP0001");
        assertThat(text).containsPattern("rita\\s+1\\s+2\\s+1\\s+1\\s+0");
        assertThat(run("pdffonts", file.toString()).lines().skip(2)).isNotEmpty().allSatisfy(row -> assertThat(row).containsPattern("\\s+yes\\s+yes\\s+yes"));

        Path retention = Files.write(pdfDir.resolve("retention.pdf"), as("auditor").getForObject(path("retention", "pdf"), byte[].class));
        assertThat(run("pdftotext", retention.toString(), "-")).contains("Retention report", "Legal holds placed: 2", "FINRA 2026-7", "RET0001");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rolesAndBadRequestsAreRefusedAndReportsAudited() {
        assertThat(as("sam").getForEntity(path("retention", "csv"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("rita").getForEntity(path("supervision", "csv"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("rm-anna").getForEntity(path("supervision", "csv"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<Map> badFormat = as("compliance").getForEntity(path("supervision", "xlsx"), Map.class);
        assertThat(badFormat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) badFormat.getBody().get("reason")).contains("format must be pdf or csv");
        ResponseEntity<Map> backwards = as("compliance").getForEntity("/api/reports/supervision?from=2026-11-02&to=2026-11-01&format=csv", Map.class);
        assertThat(backwards.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) backwards.getBody().get("reason")).contains("ends (2026-11-01) before it starts (2026-11-02)");

        as("compliance").getForEntity(path("supervision", "csv"), String.class);
        List<Map<String, Object>> audit = (List<Map<String, Object>>) as("admin").getForObject("/api/audit?action=report.supervision&size=5", Map.class)
                .get("items");
        assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("actor", "compliance").containsEntry("target", today() + ".." + today()));
    }

    private List<CSVRecord> csv(String user, String kind) throws IOException {
        ResponseEntity<byte[]> response = as(user).getForEntity(path(kind, "csv"), byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(response.getBody(), StandardCharsets.UTF_8))).getRecords();
    }

    private static String value(List<CSVRecord> rows, String section, String account, String metric) {
        return rows.stream().filter(row -> row.get("section").equals(section) && row.get("account").equals(account) && row.get("metric").equals(metric)
                        && row.get("reviewer").isEmpty()).map(row -> row.get("value")).reduce((a, b) -> a + "|" + b)
                .orElseThrow(() -> new AssertionError("no " + section + " " + metric + " row"));
    }

    private static String reviewer(List<CSVRecord> rows, String reviewer) {
        return String.join(" ", rows.stream().filter(row -> row.get("section").equals("reviewer") && row.get("reviewer").equals(reviewer))
                .map(row -> row.get("metric") + "=" + row.get("value")).toList());
    }

    private static String path(String kind, String format) {
        return "/api/reports/" + kind + "?from=" + today() + "&to=" + today() + "&format=" + format;
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items() {
        return (List<Map<String, Object>>) as("compliance").getForObject("/api/review/items?size=100", Map.class).get("items");
    }

    private void send(String sid, String text) {
        Map<String, String> form = TwilioRequests.inboundText(sid, "+447700900123", text);
        String path = "/webhooks/twilio/messages";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add("X-Twilio-Signature", TwilioRequests.signature("http://127.0.0.1:" + port + path, form));
        assertThat(http.exchange(path, HttpMethod.POST, new HttpEntity<>(TwilioRequests.formBody(form), headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user.equals("admin") ? ADMIN_PASSWORD : USER_PASSWORD);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }
}
