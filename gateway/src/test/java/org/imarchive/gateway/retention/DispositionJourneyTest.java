package org.imarchive.gateway.retention;

import org.imarchive.gateway.support.TestFiles;

import org.imarchive.archive.ledger.ArchiveVerifier;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.store.JdbcArchiveStore;
import org.imarchive.archive.store.RetentionCatalog;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.testing.SampleRecords;
import org.imarchive.retention.disposition.CertificateChain;
import org.imarchive.retention.disposition.DispositionCertificate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole gateway driven through the years by its {@link java.time.Clock}: a record expires exactly when its
 * longest rule says, a hold keeps exactly what it scopes (a message committed after it was placed included) until
 * released, disposition needs a second person, leaves tombstones that {@code verify} accepts and a certificate chain
 * that verifies, and an erasure request erases only what no duty keeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class DispositionJourneyTest {
    private static final String PASSWORD = "user-password-for-tests";
    private static final Path DATA_DIR = TestFiles.tempDir("retention-journey");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2020-01-01T00:00:00Z"));
    private static final AtomicLong SEQUENCE = new AtomicLong(1_000_000);

    private static final RefusingSearchIndex.Switch INDEX_REFUSES = new RefusingSearchIndex.Switch();

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        MutableClock testClock() {
            return CLOCK;
        }

        /** The real index, which a test can make refuse removals as an unavailable Elasticsearch would. */
        @Bean(destroyMethod = "")
        @Primary
        SearchIndex refusingSearchIndex(@Qualifier("searchIndex") SearchIndex index) {
            return new RefusingSearchIndex(index, INDEX_REFUSES);
        }
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("gateway.data-dir", DATA_DIR::toString);
        registry.add("gateway.security.bootstrap-admin.password", () -> "admin-password-for-tests");
        registry.add("gateway.retention.policy-file", () -> Path.of("..", "config", "retention.yml").toAbsolutePath().normalize().toString());
        registry.add("gateway.retention.disposition.schedule", () -> "-");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcArchiveStore store;
    @Autowired
    ArchiveVerifier verifier;
    @Autowired
    DispositionJob job;
    @Autowired
    Dispositions dispositions;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    SearchIndex searchIndex;

    @BeforeEach
    void users() {
        for (String user : List.of("planner", "approver")) {
            http.withBasicAuth("admin", "admin-password-for-tests").postForEntity("/api/admin/users",
                    Map.of("username", user, "password", PASSWORD, "roles", List.of("COMPLIANCE")), Map.class);
        }
        http.withBasicAuth("admin", "admin-password-for-tests").postForEntity("/api/admin/users",
                Map.of("username", "auditor", "password", PASSWORD, "roles", List.of("AUDITOR")), Map.class);
    }

    @Test
    void recordsGoTheDayAfterTheirLongestRuleHoldsKeepWhatTheyScopeAndVerifyStillPasses() {
        CLOCK.set(Instant.parse("2020-03-15T12:00:00Z"));
        ArchivedMessage plain = commit("journey-plain", "+447700900201", Instant.parse("2020-03-15T09:00:00Z"));
        String hold = placeHold("SEC v. Example", "+44 7700 900202");
        ArchivedMessage heldLater = commit("journey-held", "whatsapp:+447700900202", Instant.parse("2020-03-15T11:00:00Z"));

        CLOCK.set(Instant.parse("2026-03-15T23:59:59Z"));
        Map<String, Object> early = plan("planner");
        assertThat(recordIds(early, "disposals")).doesNotContain(plain.id(), heldLater.id());

        CLOCK.set(Instant.parse("2026-03-16T00:00:00Z"));
        Map<String, Object> due = plan("planner");
        assertThat(recordIds(due, "disposals")).contains(plain.id()).doesNotContain(heldLater.id());
        assertThat(recordIds(due, "heldBack")).contains(heldLater.id());

        ResponseEntity<Map> selfApproval = as("planner").postForEntity("/api/dispositions/" + due.get("id") + "/approve", null, Map.class);
        assertThat(selfApproval.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat((String) selfApproval.getBody().get("reason")).contains("four eyes");
        assertThat(store.message(plain.id())).as("nothing removed by a refused approval").isPresent();

        Map<String, Object> executed = approve(due.get("id"), "approver");
        assertThat(executed).containsEntry("state", "executed").containsEntry("approvedBy", "approver");
        assertThat(as("approver").getForEntity("/api/messages/" + plain.id(), Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(store.message(heldLater.id())).isPresent();
        assertThat(verifier.verify().summary()).startsWith("intact");

        ResponseEntity<byte[]> certificate = as("auditor").getForEntity("/api/dispositions/" + due.get("id") + "/certificate", byte[].class);
        assertThat(certificate.getStatusCode()).isEqualTo(HttpStatus.OK);
        DispositionCertificate issued = DispositionCertificate.fromJson(certificate.getBody());
        assertThat(issued.records()).anySatisfy(record -> assertThat(record.recordId()).isEqualTo(plain.id()));
        assertThat(CertificateChain.verify(dispositions.certificates()).intact()).isTrue();

        CLOCK.set(Instant.parse("2027-01-04T00:00:00Z"));
        releaseHold(hold);
        Map<String, Object> released = plan("planner");
        assertThat(recordIds(released, "disposals")).contains(heldLater.id());
        approve(released.get("id"), "approver");
        assertThat(store.message(heldLater.id())).isEmpty();
        assertThat(verifier.verify().summary()).startsWith("intact");
    }

    @Test
    void aPlanIsReconfirmedAtApprovalSoARecordHeldOrExtendedSinceIsWithdrawnNotRemoved() {
        CLOCK.set(Instant.parse("2019-05-01T12:00:00Z"));
        ArchivedMessage extended = commit("journey-extended", "+447700900211", Instant.parse("2019-05-01T09:00:00Z"));
        ArchivedMessage heldSince = commit("journey-held-since", "+447700900212", Instant.parse("2019-05-01T09:00:00Z"));
        CLOCK.set(Instant.parse("2025-05-02T00:00:00Z"));
        Map<String, Object> due = plan("planner");
        assertThat(recordIds(due, "disposals")).contains(extended.id(), heldSince.id());

        var row = store.records(List.of(extended.id())).get(0);
        store.extend(List.of(new RetentionCatalog.Extension(extended.id(), new org.imarchive.archive.store.RecordRetention("longer", "basis",
                LocalDate.of(2030, 1, 1), 2, "sha256:x", List.of("longer"), "message", null, null, row.retention().recordTime()))));
        String hold = placeHold("late hold", "+447700900212");
        try {
            Map<String, Object> executed = approve(due.get("id"), "approver");
            assertThat((List<Map<String, Object>>) executed.get("withdrawn"))
                    .anySatisfy(w -> assertThat(w).containsEntry("recordId", extended.id()).extractingByKey("reason").asString().contains("retention now runs until 2030-01-01"))
                    .anySatisfy(w -> assertThat(w).containsEntry("recordId", heldSince.id()).extractingByKey("reason").asString().contains("held by " + hold));
            assertThat(store.message(extended.id())).isPresent();
            assertThat(store.message(heldSince.id())).isPresent();
        } finally {
            releaseHold(hold);
        }
    }

    @Test
    void anErasureRequestKeepsWhatADutyOrAHoldKeepsAndErasesTheRestAfterASecondPerson() {
        CLOCK.set(Instant.parse("2018-06-01T12:00:00Z"));
        ArchivedMessage old = commit("erasure-old", "+447700900221", Instant.parse("2018-06-01T09:00:00Z"));
        CLOCK.set(Instant.parse("2024-12-01T12:00:00Z"));
        ArchivedMessage recent = commit("erasure-recent", "+447700900221", Instant.parse("2024-12-01T09:00:00Z"));
        ArchivedMessage someoneElse = commit("erasure-other", "+447700900222", Instant.parse("2018-06-01T09:00:00Z"));

        CLOCK.set(Instant.parse("2025-01-10T00:00:00Z"));
        ResponseEntity<Map> answered = as("planner").postForEntity("/api/erasure-requests",
                Map.of("reference", "DSAR-2025-001", "phoneNumbers", List.of("+44 7700 900221")), Map.class);
        assertThat(answered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> answer = answered.getBody();
        assertThat((List<String>) answer.get("erasable")).containsExactly(old.id());
        assertThat((List<Map<String, Object>>) answer.get("kept")).singleElement().satisfies(kept -> {
            assertThat(kept).containsEntry("recordId", recent.id());
            assertThat((List<Map<String, Object>>) kept.get("grounds")).singleElement().satisfies(ground -> assertThat(ground)
                    .containsEntry("article", "GDPR Art. 17(3)(b)").containsEntry("reference", "finra-4511-6y").containsEntry("until", "2030-12-01"));
        });
        assertThat(answer).containsEntry("state", "awaiting-approval");

        approve(answer.get("dispositionId"), "approver");
        Map<String, Object> after = as("planner").getForObject("/api/erasure-requests/" + answer.get("id"), Map.class);
        assertThat(after).containsEntry("state", "erased");
        assertThat((List<String>) after.get("erased")).containsExactly(old.id());
        assertThat(store.message(old.id())).isEmpty();
        assertThat(store.message(recent.id())).isPresent();
        assertThat(store.message(someoneElse.id())).isPresent();
    }

    /**
     * June 2031 is this test's alone: one erasure request answered (two erasable, one kept for its retention duty, one
     * for a hold), its disposition approved after a second hold came to cover one of the two: one disposed, one held back.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theRetentionReportGivesThePeriodsDispositionsAndErasureRequestsExactly() throws Exception {
        CLOCK.set(Instant.parse("2012-01-01T12:00:00Z"));
        ArchivedMessage erased = commit("report-erased", "+447700900261", Instant.parse("2012-01-01T09:00:00Z"));
        ArchivedMessage heldFirst = commit("report-held-first", "+447700900261", Instant.parse("2012-02-01T09:00:00Z"));
        ArchivedMessage heldSince = commit("report-held-since", "+447700900261", Instant.parse("2012-03-01T09:00:00Z"));
        CLOCK.set(Instant.parse("2031-06-01T12:00:00Z"));
        ArchivedMessage recent = commit("report-recent", "+447700900261", Instant.parse("2031-06-01T09:00:00Z"));

        CLOCK.set(Instant.parse("2031-06-10T12:00:00Z"));
        String first = placeHold("report matter 1", "+447700900261", "2012-02-01T00:00:00Z", "2012-02-01T23:59:59Z");
        String second = null;
        try {
            Map<String, Object> answer = as("planner").postForEntity("/api/erasure-requests",
                    Map.of("reference", "DSAR-2031-06", "phoneNumbers", List.of("+447700900261")), Map.class).getBody();
            assertThat((List<String>) answer.get("erasable")).containsExactlyInAnyOrder(erased.id(), heldSince.id());
            second = placeHold("report matter 2", "+447700900261", "2012-03-01T00:00:00Z", "2012-03-01T23:59:59Z");
            approve(answer.get("dispositionId"), "approver");
            assertThat(store.message(heldSince.id())).isPresent();
            assertThat(store.message(recent.id())).isPresent();
            assertThat(store.message(heldFirst.id())).isPresent();

            ResponseEntity<String> csv = as("auditor").getForEntity("/api/reports/retention?from=2031-06-01&to=2031-06-30&format=csv", String.class);
            assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
            List<org.apache.commons.csv.CSVRecord> rows = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .get().parse(new java.io.StringReader(csv.getBody())).getRecords();
            assertThat(rows).filteredOn(row -> row.get("section").equals("total")).extracting(row -> row.get("metric") + "=" + row.get("value"))
                    .containsExactly("holds_placed=2", "holds_active_at_end=2", "holds_released=0", "certificates_issued=1", "records_disposed=1",
                            "records_held_back_by_holds=1", "erasure_requests_answered=1");
            assertThat(rows).filteredOn(row -> row.get("section").equals("disposition"))
                    .extracting(row -> row.get("item") + " " + row.get("metric") + "=" + row.get("value"))
                    .contains(answer.get("dispositionId") + " origin=erasure:" + answer.get("id"), answer.get("dispositionId") + " approved_by=approver",
                            answer.get("dispositionId") + " records_disposed=1", answer.get("dispositionId") + " records_held_back_by_holds=1",
                            answer.get("dispositionId") + " records_withdrawn=0");
            assertThat(rows).filteredOn(row -> row.get("section").equals("erasure")).extracting(row -> row.get("metric") + "=" + row.get("value"))
                    .containsExactly("reference=DSAR-2031-06", "requested_by=planner", "requested_at=2031-06-10T12:00:00Z", "state=erased",
                            "records_erasable=2", "records_erased=1", "records_kept=2", "records_kept_retention_duty=1", "records_kept_legal_hold=1");

            Path pdf = Files.write(DATA_DIR.resolve("retention-report.pdf"),
                    as("auditor").getForObject("/api/reports/retention?from=2031-06-01&to=2031-06-30&format=pdf", byte[].class));
            Process pdftotext = new ProcessBuilder("pdftotext", pdf.toString(), "-").redirectErrorStream(true).start();
            String text = new String(pdftotext.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(pdftotext.waitFor()).as(text).isZero();
            assertThat(text)
                    .contains("Disposition certificates issued: 1", "records disposed: 1", "held back by legal holds: 1",
                            "Erasure requests answered: 1", "DSAR-2031-06");
        } finally {
            releaseHold(first);
            if (second != null) {
                releaseHold(second);
            }
        }
    }

    @Test
    void theScheduledJobPlansButRemovesNothingAndWaitsForItsPlanToBeApproved() {
        CLOCK.set(Instant.parse("2017-02-01T12:00:00Z"));
        ArchivedMessage due = commit("job-due", "+447700900231", Instant.parse("2017-02-01T09:00:00Z"));
        CLOCK.set(Instant.parse("2024-01-01T00:00:00Z"));
        job.run();
        job.run();
        List<Map<String, Object>> plans = ((List<Map<String, Object>>) as("auditor").getForObject("/api/dispositions", Map.class).get("items"))
                .stream().filter(plan -> "schedule".equals(plan.get("origin")) && "planned".equals(plan.get("state"))).toList();
        assertThat(plans).as("one plan awaiting approval, however often the job runs").singleElement()
                .satisfies(plan -> assertThat(plan).containsEntry("plannedBy", DispositionJob.ACTOR));
        assertThat(store.message(due.id())).isPresent();
        approve(plans.get(0).get("id"), "approver");
        assertThat(store.message(due.id())).isEmpty();
    }

    @Test
    void aDisposalTheIndexRefusesToForgetStandsAndLeavesTheIndexAtTheNextRun() {
        CLOCK.set(Instant.parse("2015-01-01T12:00:00Z"));
        ArchivedMessage due = commit("indexremovalrefused", "+447700900251", Instant.parse("2015-01-01T09:00:00Z"));
        await().atMost(Duration.ofSeconds(15)).until(() -> hits("indexremovalrefused") == 1);
        CLOCK.set(Instant.parse("2021-06-01T00:00:00Z"));
        Object planId = plan("planner").get("id");

        INDEX_REFUSES.set(true);
        try {
            assertThat(approve(planId, "approver")).containsEntry("state", "executed");
            assertThat(store.message(due.id())).isEmpty();
            assertThat(hits("indexremovalrefused")).as("findable while the index refuses").isEqualTo(1);
            assertThat(dispositions.finishIndexRemovals()).as("a retry while it still refuses").isPositive();
        } finally {
            INDEX_REFUSES.set(false);
        }

        job.finishLeftovers();
        assertThat(hits("indexremovalrefused")).isZero();
        assertThat(dispositions.finishIndexRemovals()).isZero();
        assertThat(verifier.verify().summary()).startsWith("intact");
    }

    @Test
    void aDisposalWhoseCertificateCannotBeWrittenRemovesNothing() {
        CLOCK.set(Instant.parse("2016-04-01T12:00:00Z"));
        ArchivedMessage due = commit("certificate-fails", "+447700900241", Instant.parse("2016-04-01T09:00:00Z"));
        CLOCK.set(Instant.parse("2023-01-01T00:00:00Z"));
        Object planId = plan("planner").get("id");
        // the certificate's insert fails as a crash between the tombstones and the certificate would leave it
        jdbc.execute("alter table disposition_certificate add constraint no_certificate_for_this_plan check (plan_id <> '" + planId + "')");
        try {
            assertThat(as("approver").postForEntity("/api/dispositions/" + planId + "/approve", null, Map.class).getStatusCode().is2xxSuccessful()).isFalse();
        } finally {
            jdbc.execute("alter table disposition_certificate drop constraint no_certificate_for_this_plan");
        }
        assertThat(store.message(due.id())).as("no tombstone without its certificate").isPresent();
        assertThat(dispositions.get((String) planId).state()).isEqualTo(Dispositions.PLANNED);
        assertThat(verifier.verify().summary()).startsWith("intact");

        assertThat(approve(planId, "approver")).containsEntry("state", "executed");
        assertThat(store.message(due.id())).isEmpty();
        assertThat(dispositions.certificate((String) planId)).isPresent();
        assertThat(CertificateChain.verify(dispositions.certificates()).intact()).isTrue();
        assertThat(verifier.verify().summary()).startsWith("intact");
    }

    @Test
    void verifyWithAnotherMasterKeyStopsWithAClearErrorAndReadsNothing(CapturedOutput output) {
        int exit = org.imarchive.gateway.cli.Commands.run(new String[]{"verify", "--gateway.data-dir=" + DATA_DIR,
                "--gateway.archive.encryption.master-key=" + org.imarchive.archive.crypto.MasterKey.generate().toBase64()});

        assertThat(exit).isNotZero();
        assertThat(output.getAll()).contains("the configured master key is not the key this archive was encrypted with");
    }

    @Test
    void onlyComplianceMayPlanApproveOrRequestErasure() {
        assertThat(as("auditor").postForEntity("/api/dispositions", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("auditor").postForEntity("/api/erasure-requests", Map.of("reference", "x", "participantIds", List.of("1")), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private long hits(String word) {
        return searchIndex.search(SearchQuery.of(word)).total();
    }

    private ArchivedMessage commit(String platformMessageId, String customer, Instant sentAt) {
        ArchivedMessage message = SampleRecords.message(platformMessageId, customer, "text of " + platformMessageId, sentAt);
        store.commit(List.of(new Commit(message, false)), "retention-journey", SEQUENCE.incrementAndGet());
        return message;
    }

    private String placeHold(String matter, String counterparty) {
        return placeHold(matter, Map.of("counterparties", List.of(counterparty)));
    }

    private String placeHold(String matter, String counterparty, String from, String to) {
        return placeHold(matter, Map.of("counterparties", List.of(counterparty), "from", from, "to", to));
    }

    private String placeHold(String matter, Map<String, Object> scope) {
        ResponseEntity<Map> placed = as("planner").postForEntity("/api/holds",
                Map.of("matter", matter, "reason", "litigation", "scope", scope), Map.class);
        assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) placed.getBody().get("id");
    }

    private void releaseHold(String id) {
        assertThat(as("planner").postForEntity("/api/holds/" + id + "/release", Map.of("reason", "matter settled"), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private Map<String, Object> plan(String user) {
        ResponseEntity<Map> planned = as(user).postForEntity("/api/dispositions", null, Map.class);
        assertThat(planned.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return planned.getBody();
    }

    private Map<String, Object> approve(Object planId, String user) {
        ResponseEntity<Map> approved = as(user).postForEntity("/api/dispositions/" + planId + "/approve", null, Map.class);
        assertThat(approved.getStatusCode()).as(String.valueOf(approved.getBody())).isEqualTo(HttpStatus.OK);
        return approved.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> recordIds(Map<String, Object> plan, String list) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) plan.get("plan")).get(list)).stream().map(r -> r.get("recordId")).toList();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user.equals("admin") ? "admin-password-for-tests" : PASSWORD);
    }
}
