package org.imarchive.gateway.accounts;

import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.model.Platform;
import org.imarchive.gateway.support.GatewayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The register's four-eyes workflow through the API, and its effect on quarantine. */
class AccountRegisterTest extends GatewayTest {
    @Autowired
    AccountRegister register;

    @Test
    @SuppressWarnings("unchecked")
    void requestApprovedByASecondPersonThenRevokedGovernsQuarantine() {
        ensureUser("compliance");
        String account = "+1555" + (System.nanoTime() % 10_000_000);
        AccountRef ref = new AccountRef(Platform.WHATSAPP, account);
        Map<String, Object> requested = as("admin").postForObject("/api/accounts", Map.of("platform", "whatsapp", "account", account,
                "owner", "jsmith", "justification", "Private banking desk", "reviewDate", LocalDate.now().plusMonths(6).toString()), Map.class);
        assertThat(requested.get("state")).isEqualTo("REQUESTED");
        assertThat(register.isApproved(ref)).isFalse();

        String id = (String) requested.get("id");
        assertThat(as("admin").postForEntity("/api/accounts/" + id + "/approve", Map.of("comment", "mine"), Map.class).getStatusCode())
                .as("an admin is not an approver").isEqualTo(HttpStatus.FORBIDDEN);
        Map<String, Object> approved = as("compliance").postForObject("/api/accounts/" + id + "/approve", Map.of("comment", "policy 4.2"), Map.class);
        assertThat(approved).containsEntry("state", "APPROVED").containsEntry("decidedBy", "compliance").containsEntry("requestedBy", "admin");
        assertThat(register.isApproved(ref)).isTrue();

        ResponseEntity<String> csv = as("compliance").getForEntity("/api/accounts/register.csv", String.class);
        assertThat(csv.getBody()).contains(account + ",jsmith,APPROVED,Private banking desk").contains(",admin,").contains(",compliance,");

        as("compliance").postForObject("/api/accounts/" + id + "/revoke", Map.of("reason", "desk closed"), Map.class);
        assertThat(register.isApproved(ref)).isFalse();
        List<Map<String, Object>> all = as("admin").getForObject("/api/accounts", List.class);
        assertThat(all).anySatisfy(entry -> assertThat(entry).containsEntry("id", id).containsEntry("state", "REVOKED").containsEntry("decisionComment", "desk closed"));
    }

    @Test
    void aRequestCarriesTheBusinessLineAndJurisdictionRetentionRulesMatchOn() {
        ensureUser("compliance");
        String account = "+1556" + (System.nanoTime() % 10_000_000);
        Map<String, Object> requested = as("admin").postForObject("/api/accounts", Map.of("platform", "whatsapp", "account", account,
                "owner", "jsmith", "justification", "Wealth desk", "reviewDate", LocalDate.now().plusMonths(6).toString(),
                "businessLine", "wealth-management", "jurisdiction", "US"), Map.class);
        assertThat(requested).containsEntry("businessLine", "wealth-management").containsEntry("jurisdiction", "US");

        as("compliance").postForObject("/api/accounts/" + requested.get("id") + "/approve", Map.of("comment", "ok"), Map.class);

        assertThat(register.retentionFactsOf(new AccountRef(Platform.WHATSAPP, account)))
                .isEqualTo(new AccountRegister.RetentionFacts("wealth-management", "US"));
    }

    @Test
    void theRequesterCannotApproveTheirOwnRequest() {
        String dual = "dual-" + (System.nanoTime() % 100000);
        as("admin").postForEntity("/api/admin/users", Map.of("username", dual, "password", USER_PASSWORD, "roles", List.of("ADMIN", "COMPLIANCE")), Map.class);
        var client = http.withBasicAuth(dual, USER_PASSWORD);
        Map<?, ?> requested = client.postForObject("/api/accounts", Map.of("platform", "telegram", "account", "BC-" + dual,
                "justification", "desk", "reviewDate", LocalDate.now().plusMonths(6).toString()), Map.class);
        ResponseEntity<Map> refused = client.postForEntity("/api/accounts/" + requested.get("id") + "/approve", Map.of(), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) refused.getBody().get("reason")).contains("second person");
    }

    @Test
    void aRequestNeedsAJustificationAndAFutureReviewDate() {
        ResponseEntity<Map> refused = as("admin").postForEntity("/api/accounts", Map.of("platform", "whatsapp", "account", "+15559990000",
                "justification", " ", "reviewDate", LocalDate.now().plusDays(30).toString()), Map.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
