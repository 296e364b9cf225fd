package org.imarchive.gateway.review;

import org.imarchive.gateway.support.TwilioRequests;
import org.imarchive.supervision.sampling.RandomSampler;
import org.imarchive.supervision.sampling.SamplingSeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A month of one RM's WhatsApp traffic through signed Twilio webhooks: three messages that trip the starter lexicons
 * among everyday ones. The scanner files exactly the expected items and a sample anyone with the seed recomputes; the
 * RM's reviewers work them to closed; nobody reviews their own messages; other groups see nothing, neither in the
 * queue nor by asking for the message or its conversation; it is all audited.
 */
class ReviewQueueJourneyTest extends ReviewGatewayTest {
    static final String CUSTOMER = "+447700900123";
    static final int EVERYDAY = 120;
    static final Map<String, String> FLAGGED = Map.of(
            sid(1), "Can you text me on my personal number instead?",
            sid(2), "I never authorized that trade and I want my money back",
            sid(3), "My lawyer will call you tomorrow");
    static final Map<String, List<String>> EXPECTED_HITS = Map.of(
            sid(1), List.of("off-channel/personal-device: text me on my personal"),
            sid(2), List.of("complaints/unauthorized-activity: never authorized", "complaints/money-back: I want my money back"),
            sid(3), List.of("complaints/legal-or-regulatory: lawyer"));
    static boolean trafficSent;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebApplicationContext context;

    @BeforeEach
    void traffic() {
        ensureUser("compliance", "COMPLIANCE");
        ensureUser("auditor", "AUDITOR");
        ensureUser("rita", "REVIEWER");
        ensureUser("rex", "REVIEWER");
        ensureUser("sam", "SUPERVISOR");
        ensureUser(RM, "REVIEWER");
        if (trafficSent) {
            return;
        }
        FLAGGED.forEach((sid, text) -> assertThat(postSignedTwilio(TwilioRequests.inboundText(sid, CUSTOMER, text)).getStatusCode()).isEqualTo(HttpStatus.OK));
        String[] everyday = {"Good morning, the meeting is confirmed for ten", "Thanks, I received the statement", "See you at the branch on Monday",
                "Could you send me the brochure for the new fund?", "Happy holidays to you and your family"};
        for (int i = 0; i < EVERYDAY; i++) {
            assertThat(postSignedTwilio(TwilioRequests.inboundText(sid(100 + i), CUSTOMER, everyday[i % everyday.length] + " (" + i + ")"))
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> count("select count(*) from review_scan") == FLAGGED.size() + EVERYDAY);
        trafficSent = true;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFlaggedMessagesAreExactlyTheLexiconItemsWithTheirHits() {
        List<Map<String, Object>> lexiconItems = allItems("compliance").stream()
                .filter(item -> ((List<String>) item.get("reasons")).stream().anyMatch(r -> r.startsWith("lexicon:"))).toList();
        assertThat(lexiconItems).extracting(item -> item.get("messageId"))
                .containsExactlyInAnyOrderElementsOf(FLAGGED.keySet().stream().map(this::messageIdOf).toList());
        for (String sid : FLAGGED.keySet()) {
            Map<String, Object> item = lexiconItems.stream().filter(i -> i.get("messageId").equals(messageIdOf(sid))).findFirst().orElseThrow();
            assertThat(item).containsEntry("state", "open").containsEntry("group", "wealth").containsEntry("rm", RM).containsEntry("overdue", false);
            Map<String, Object> opened = as("rita").getForObject("/api/review/items/" + item.get("id"), Map.class);
            List<Map<String, Object>> hits = (List<Map<String, Object>>) opened.get("hits");
            assertThat(hits).extracting(hit -> ((Map<String, Object>) hit.get("policy")).get("id") + "/" + hit.get("ruleId") + ": " + hit.get("matchedText"))
                    .containsExactlyElementsOf(EXPECTED_HITS.get(sid));
            String text = FLAGGED.get(sid);
            assertThat(hits).allSatisfy(hit -> {
                assertThat(text.substring((Integer) hit.get("start"), (Integer) hit.get("end"))).isEqualTo(hit.get("matchedText"));
                assertThat((String) ((Map<String, Object>) hit.get("policy")).get("contentHash")).startsWith("sha256:");
                assertThat(((Map<String, Object>) hit.get("policy")).get("version")).isEqualTo(1);
            });
            assertThat((Map<String, Object>) opened.get("message")).containsEntry("text", text);
            assertThat((List<Map<String, Object>>) opened.get("context")).anySatisfy(m -> assertThat(m).containsEntry("underReview", true));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSampleIsTheOneTheStoredSeedRecomputes() {
        Map<String, Object> seedRow = jdbc.queryForMap("select seed_id, key_hex from review_sampling_seed");
        RandomSampler sampler = new RandomSampler(new SamplingSeed((String) seedRow.get("seed_id"), (String) seedRow.get("key_hex")), 0.1, 0);
        Set<String> expected = jdbc.queryForList("select message_id from message", String.class).stream()
                .filter(id -> sampler.decide(id).selected()).collect(Collectors.toSet());
        List<Map<String, Object>> sampled = allItems("compliance").stream()
                .filter(item -> ((List<String>) item.get("reasons")).contains("sample")).toList();
        assertThat(expected).isNotEmpty();
        assertThat(sampled).extracting(item -> (String) item.get("messageId")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sampled).allSatisfy(item -> {
            Map<String, Object> decision = (Map<String, Object>) item.get("sample");
            assertThat(decision.get("seedId")).isEqualTo(seedRow.get("seed_id"));
            assertThat((Double) decision.get("value")).isEqualTo(sampler.decide((String) item.get("messageId")).value());
        });
        assertThat(count("select count(*) from review_item")).isEqualTo(new HashSet<>(allItems("compliance").stream()
                .map(item -> item.get("id")).toList()).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReviewerWorksAnItemToClosedAndEveryStepIsAudited() {
        String id = itemOf(sid(3));
        assertThat(as("rita").postForEntity("/api/review/items/" + id + "/assign", Map.of(), Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("rita").postForEntity("/api/review/items/" + id + "/comments", Map.of("comment", "customer threatens legal action"), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(as("rita").postForEntity("/api/review/items/" + id + "/decision", Map.of("outcome", "no_issue"), Map.class)
                .getStatusCode()).as("a decision needs its reason").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("rita").postForEntity("/api/review/items/" + id + "/decision",
                Map.of("outcome", "action_taken", "comment", "complaint logged as C-17"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> closed = as("rita").getForObject("/api/review/items/" + id, Map.class);
        assertThat(closed).containsEntry("state", "closed").containsEntry("outcome", "action_taken").containsEntry("assignee", "rita");
        assertThat((List<Map<String, Object>>) closed.get("decisions")).singleElement().satisfies(d -> assertThat(d)
                .containsEntry("decidedBy", "rita").containsEntry("outcome", "action_taken").containsEntry("comment", "complaint logged as C-17")
                .containsKey("at"));
        assertThat((List<Map<String, Object>>) closed.get("comments")).extracting(c -> c.get("body")).containsExactly("customer threatens legal action");
        assertThat(as("rita").postForEntity("/api/review/items/" + id + "/decision", Map.of("outcome", "no_issue", "comment", "again"), Map.class)
                .getStatusCode()).as("a closed item keeps its decision").isEqualTo(HttpStatus.CONFLICT);
        assertThat(total("rita", "state=closed")).isGreaterThanOrEqualTo(1);
        List<Map<String, Object>> trail = (List<Map<String, Object>>) as("auditor").getForObject("/api/audit?actor=rita&size=200", Map.class).get("items");
        assertThat(trail.stream().filter(e -> id.equals(e.get("target"))).map(e -> e.get("action") + " " + e.get("outcome")).toList())
                .contains("review.open success", "review.assign success", "review.comment success", "review.decision refused", "review.decision success");
        assertThat(as("auditor").getForObject("/api/audit?actor=system&action=review.item.create&size=1000", Map.class).get("items"))
                .asList().anySatisfy(e -> assertThat((Map<String, Object>) e).containsEntry("target", id));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEscalationGoesToThePrincipalWhoAloneDecidesIt() {
        String id = itemOf(sid(2));
        assertThat(as("rita").postForEntity("/api/review/items/" + id + "/decision",
                Map.of("outcome", "escalated", "comment", "unauthorized trade alleged"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> escalated = as("sam").getForObject("/api/review/items/" + id, Map.class);
        assertThat(escalated).containsEntry("state", "in_review").containsEntry("assignee", "sam");
        assertThat(as("rita").postForEntity("/api/review/items/" + id + "/decision",
                Map.of("outcome", "no_issue", "comment", "changed my mind"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("sam").postForEntity("/api/review/items/" + id + "/decision",
                Map.of("outcome", "action_taken", "comment", "trade reversed, RM warned"), Map.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Map<String, Object> closed = as("compliance").getForObject("/api/review/items/" + id, Map.class);
        assertThat(closed).containsEntry("state", "closed");
        assertThat((List<Map<String, Object>>) closed.get("decisions")).extracting(d -> d.get("decidedBy") + ":" + d.get("outcome"))
                .containsExactly("rita:escalated", "sam:action_taken");
        assertThat((List<Map<String, Object>>) closed.get("assignments")).extracting(a -> a.get("assignee") + ":" + a.get("reason"))
                .containsExactly("sam:escalated");
    }

    @Test
    void nobodyReviewsTheirOwnMessages() {
        String id = itemOf(sid(1));
        ResponseEntity<Map> decided = as(RM).postForEntity("/api/review/items/" + id + "/decision",
                Map.of("outcome", "no_issue", "comment", "nothing to see"), Map.class);
        assertThat(decided.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) decided.getBody().get("reason")).contains("own messages");
        assertThat(as("rita").postForEntity("/api/review/items/" + id + "/assign", Map.of("assignee", RM), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.queryForObject("select count(*) from review_decision where item_id = ?", Long.class, id)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = ? and action = 'review.decision' and outcome = 'REFUSED'"
                + " and target = ?", Long.class, RM, id)).isEqualTo(1);
    }

    @Test
    void reviewersOfAnotherGroupSeeNothingAndAuditorsCannotAct() {
        String id = itemOf(sid(1));
        assertThat(total("rex", "")).isZero();
        assertThat(as("rex").getForEntity("/api/review/items/" + id, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("rex").postForEntity("/api/review/items/" + id + "/comments", Map.of("comment", "peek"), Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(total("rita", "")).isEqualTo(total("compliance", "")).isPositive();
        assertThat(as("auditor").postForEntity("/api/review/items/" + id + "/decision", Map.of("outcome", "no_issue", "comment", "x"), Map.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(total("compliance", "group=retail")).isZero();
    }

    @Test
    void anotherGroupsReviewerCannotReadTheMessageOrItsConversationEither() {
        String messageId = messageIdOf(sid(1));
        String conversationId = (String) as("compliance").getForObject("/api/messages/" + messageId, Map.class).get("conversationId");
        for (String user : List.of("rita", "sam", "auditor")) {
            assertThat(as(user).getForEntity("/api/messages/" + messageId, Map.class).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
            assertThat(as(user).getForEntity("/api/conversations/" + conversationId, Map.class).getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
        }
        assertThat(as("rex").getForEntity("/api/messages/" + messageId, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("rex").getForEntity("/api/conversations/" + conversationId, Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("rex").getForEntity("/api/conversations/" + conversationId + "?around=" + messageId, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        await().atMost(Duration.ofSeconds(60)).until(() -> searchTotal("compliance", "q=personal") > 0);
        assertThat(searchTotal("rex", "q=personal")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'rex' and action in ('message.view', 'conversation.view')"
                + " and outcome = 'REFUSED'", Long.class)).isGreaterThanOrEqualTo(3);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReviewerWithoutALocalAccountTakesAnItemThemselves() throws Exception {
        String id = (String) allItems("compliance").stream()
                .filter(item -> ((List<String>) item.get("reasons")).equals(List.of("sample")) && "open".equals(item.get("state")))
                .findFirst().orElseThrow().get("id");
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        mvc.perform(post("/api/review/items/" + id + "/assign").with(user("dora").roles("REVIEWER")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.assignee").value("dora"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> allItems(String user) {
        return (List<Map<String, Object>>) as(user).getForObject("/api/review/items?size=200", Map.class).get("items");
    }

    private long searchTotal(String user, String query) {
        return ((Number) as(user).getForObject("/api/messages?" + query, Map.class).get("total")).longValue();
    }

    private long total(String user, String query) {
        return ((Number) as(user).getForObject("/api/review/items?" + query, Map.class).get("total")).longValue();
    }

    private String itemOf(String sid) {
        return jdbc.queryForObject("select item_id from review_item where message_id = ?", String.class, messageIdOf(sid));
    }

    private String messageIdOf(String sid) {
        return jdbc.queryForObject("select message_id from message where platform_message_id = ?", String.class, sid);
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private static String sid(int n) {
        return String.format("SM%032d", 70_000 + n);
    }
}
