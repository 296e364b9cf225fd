package org.imarchive.gateway.holds;

import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.gateway.support.GatewayTest;
import org.imarchive.gateway.support.TwilioRequests;
import org.imarchive.retention.hold.HoldEvaluator;
import org.imarchive.retention.hold.HoldQueryMatcher;
import org.imarchive.retention.hold.LegalHold;
import org.imarchive.retention.hold.RecordFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Compliance places a hold, changes it and releases it through the API; other roles cannot; every step and every
 * refusal is on the audit trail. A hold covers what was archived before it and what arrives after it, until it is
 * released, and a production can be made of it.
 */
class HoldsJourneyTest extends GatewayTest {
    private static final Map<String, Object> SCOPE = Map.of("query", "insider", "from", "2026-01-01T00:00:00Z");

    @Autowired
    LegalHolds holds;
    @Autowired
    MessageFacts facts;
    @Autowired
    HoldQueryMatcher matcher;
    @Autowired
    ArchiveStore store;

    @BeforeEach
    void users() {
        for (String role : List.of("compliance", "supervisor", "reviewer", "auditor", "rm")) {
            ensureUser(role);
        }
    }

    @Test
    void onlyComplianceMayPlaceChangeOrRelease() {
        Map<String, Object> placement = placement("SEC v. Example", SCOPE);
        for (String user : List.of("supervisor", "reviewer", "auditor", "rm", "admin")) {
            assertThat(as(user).postForEntity("/api/holds", placement, Map.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        String id = place(placement);
        assertThat(as("auditor").getForEntity("/api/holds/" + id, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String user : List.of("supervisor", "reviewer", "rm")) {
            assertThat(as(user).getForEntity("/api/holds", String.class).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
        }
        assertThat(as("auditor").postForEntity("/api/holds/" + id + "/release", Map.of("reason", "settled"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange("auditor", HttpMethod.PUT, "/api/holds/" + id + "/scope", Map.of("scope", SCOPE, "reason", "wider")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(holds.get(id).isActive()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void placementChangeAndReleaseAreAuditedWithTheirHistory() {
        String id = place(placement("FINRA 2026-0042", SCOPE));
        ResponseEntity<Map> changed = exchange("compliance", HttpMethod.PUT, "/api/holds/" + id + "/scope",
                Map.of("scope", Map.of("query", "insider OR tip", "custodians", List.of("RM-Anna")), "reason", "counsel widened the terms"));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((Map<String, Object>) changed.getBody().get("scope")).containsEntry("query", "insider OR tip")
                .containsEntry("custodians", List.of("rm-anna"));
        ResponseEntity<Map> released = as("compliance").postForEntity("/api/holds/" + id + "/release", Map.of("reason", "matter closed"), Map.class);
        assertThat(released.getBody()).containsEntry("state", "released").containsEntry("releasedBy", "compliance")
                .containsEntry("releaseReason", "matter closed");

        Map<String, Object> hold = as("auditor").getForObject("/api/holds/" + id, Map.class);
        assertThat((List<Map<String, Object>>) hold.get("history")).extracting(step -> step.get("action"), step -> step.get("reason"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("placed", "preserve for FINRA 2026-0042"),
                        org.assertj.core.groups.Tuple.tuple("changed", "counsel widened the terms"),
                        org.assertj.core.groups.Tuple.tuple("released", "matter closed"));
        assertThat(as("auditor").getForObject("/api/holds", List.class)).anySatisfy(h -> assertThat(((Map<?, ?>) h).get("id")).isEqualTo(id));
        for (String action : List.of("hold.place", "hold.change", "hold.release")) {
            assertThat(audit(action)).as(action).anySatisfy(entry -> assertThat(entry).containsEntry("target", id)
                    .containsEntry("actor", "compliance").containsEntry("outcome", "success"));
        }
    }

    @Test
    void badRequestsAreRefusedClearlyAndAudited() {
        assertRefused(as("compliance").postForEntity("/api/holds", placement("M-1", Map.of("custodians", List.of())), Map.class),
                HttpStatus.BAD_REQUEST, "must say what it preserves");
        assertRefused(as("compliance").postForEntity("/api/holds", placement("M-1",
                Map.of("from", "2026-05-01T00:00:00Z", "to", "2026-04-01T00:00:00Z")), Map.class), HttpStatus.BAD_REQUEST, "before it starts");
        assertRefused(as("compliance").postForEntity("/api/holds", placement("M-1", Map.of("query", "text:(unclosed")), Map.class),
                HttpStatus.BAD_REQUEST, "");
        assertRefused(as("compliance").postForEntity("/api/holds", placement(" ", SCOPE), Map.class), HttpStatus.BAD_REQUEST, "needs a matter");
        assertThat(audit("hold.place")).anySatisfy(entry -> assertThat(entry).containsEntry("outcome", "refused")
                .extractingByKey("details").asString().contains("must say what it preserves"));

        String id = place(placement("M-2", SCOPE));
        assertRefused(as("compliance").postForEntity("/api/holds/" + id + "/release", Map.of("reason", " "), Map.class),
                HttpStatus.BAD_REQUEST, "a release needs a reason");
        assertRefused(as("compliance").postForEntity("/api/holds/" + id + "/release", null, Map.class), HttpStatus.BAD_REQUEST, "needs a reason");
        assertRefused(as("compliance").postForEntity("/api/holds/no-such-hold/release", Map.of("reason", "x"), Map.class),
                HttpStatus.NOT_FOUND, "no legal hold no-such-hold");
        assertRefused(as("auditor").getForEntity("/api/holds/no-such-hold", Map.class), HttpStatus.NOT_FOUND, "no legal hold");
        assertRefused(exchange("compliance", HttpMethod.PUT, "/api/holds/" + id + "/scope", Map.of("scope", SCOPE)),
                HttpStatus.BAD_REQUEST, "a change of scope needs a reason");
        assertThat(audit("hold.release")).anySatisfy(entry -> assertThat(entry).containsEntry("target", id).containsEntry("outcome", "refused"));

        as("compliance").postForEntity("/api/holds/" + id + "/release", Map.of("reason", "withdrawn"), Map.class);
        assertRefused(as("compliance").postForEntity("/api/holds/" + id + "/release", Map.of("reason", "again"), Map.class),
                HttpStatus.CONFLICT, "already released by compliance");
        assertRefused(exchange("compliance", HttpMethod.PUT, "/api/holds/" + id + "/scope", Map.of("scope", SCOPE, "reason", "late")),
                HttpStatus.CONFLICT, "was released");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aHoldCoversMessagesArchivedBeforeAndAfterItUntilReleased() {
        String word = "holdprobe" + System.nanoTime();
        String customer = "+447700900555";
        send(customer, word + " before the hold", 1);
        awaitIndexed(word, 1);

        String id = place(placement("SEC v. Probe", Map.of("query", word, "counterparties", List.of("whatsapp:+44 7700 900555"))));
        send(customer, word + " after the hold", 2);
        send("+447700900666", word + " from someone else", 3);
        send(customer, "nothing to do with it", 4);
        awaitIndexed(word, 3);

        await().atMost(Duration.ofSeconds(15)).until(() -> ((Number) as("compliance").getForObject("/api/holds/" + id, Map.class)
                .get("records")).longValue() == 2);
        List<String> covered = messageIds(word + " AND hold");
        assertThat(covered).hasSize(2);
        String other = messageIds(word + " AND someone").get(0);
        HoldEvaluator evaluator = new HoldEvaluator(matcher);
        for (String messageId : covered) {
            assertThat(evaluator.holdsCovering(holds.active(), factsOf(messageId))).as(messageId).contains(id);
        }
        assertThat(evaluator.holdsCovering(holds.active(), factsOf(other))).doesNotContain(id);

        ResponseEntity<Map> export = as("compliance").postForEntity("/api/exports",
                Map.of("matter", "SEC v. Probe", "hold", id, "formats", List.of("csv")), Map.class);
        assertThat(export.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        Map<String, Object> job = await().atMost(Duration.ofSeconds(60))
                .until(() -> as("compliance").getForObject("/api/exports/" + export.getBody().get("id"), Map.class),
                        j -> !List.of("queued", "running").contains(j.get("state")));
        assertThat(job).containsEntry("state", "done").containsEntry("messages", 2);

        as("compliance").postForEntity("/api/holds/" + id + "/release", Map.of("reason", "matter settled"), Map.class);
        assertThat(holds.active()).extracting(LegalHold::id).doesNotContain(id);
        LegalHold released = holds.get(id);
        for (String messageId : covered) {
            assertThat(evaluator.covers(released, factsOf(messageId))).isFalse();
            assertThat(evaluator.holdsCovering(holds.active(), factsOf(messageId))).doesNotContain(id);
        }
    }

    @Test
    void exportOfAHoldTakesItsScopeFromTheHold() {
        String id = place(placement("M-3", SCOPE));
        assertRefused(as("compliance").postForEntity("/api/exports", Map.of("matter", "M-3", "hold", "no-such-hold"), Map.class),
                HttpStatus.NOT_FOUND, "no legal hold");
        assertRefused(as("compliance").postForEntity("/api/exports", Map.of("matter", "M-3", "hold", id, "custodians", List.of("rm-anna")), Map.class),
                HttpStatus.BAD_REQUEST, "takes its custodians, conversations and dates from the hold");
    }

    private RecordFacts factsOf(String messageId) {
        return facts.of(store.message(messageId).orElseThrow());
    }

    private static Map<String, Object> placement(String matter, Map<String, Object> scope) {
        Map<String, Object> placement = new HashMap<>();
        placement.put("matter", matter);
        placement.put("reason", "preserve for " + matter);
        placement.put("scope", scope);
        return placement;
    }

    private String place(Map<String, Object> placement) {
        ResponseEntity<Map> placed = as("compliance").postForEntity("/api/holds", placement, Map.class);
        assertThat(placed.getStatusCode()).as(String.valueOf(placed.getBody())).isEqualTo(HttpStatus.CREATED);
        String id = (String) placed.getBody().get("id");
        assertThat(placed.getHeaders().getLocation()).hasPath("/api/holds/" + id);
        return id;
    }

    private ResponseEntity<Map> exchange(String user, HttpMethod method, String path, Object body) {
        return as(user).exchange(path, method, new HttpEntity<>(body), Map.class);
    }

    private static void assertRefused(ResponseEntity<Map> response, HttpStatus status, String reason) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(status);
        assertThat((String) response.getBody().get("reason")).contains(reason);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> audit(String action) {
        return (List<Map<String, Object>>) as("admin").getForObject("/api/audit?action=" + action + "&size=50", Map.class).get("items");
    }

    private void send(String customer, String text, int n) {
        assertThat(postSignedTwilio("/webhooks/twilio/messages",
                TwilioRequests.inboundText(String.format("SM%020d%012d", System.nanoTime(), n), customer, text)).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void awaitIndexed(String word, int count) {
        await().atMost(Duration.ofSeconds(15)).until(() -> messageIds(word).size() == count);
    }

    @SuppressWarnings("unchecked")
    private List<String> messageIds(String q) {
        Map<String, Object> page = as("compliance").getForObject("/api/messages?q=" + q + "&size=100", Map.class);
        return ((List<Map<String, Object>>) page.get("items")).stream().map(item -> (String) item.get("id")).toList();
    }
}
