package org.imarchive.gateway.api;

import jakarta.servlet.http.HttpServletRequest;
import org.imarchive.archive.model.Platform;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.accounts.RegisteredAccount;
import org.imarchive.gateway.security.Actors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The register of approved accounts: an admin requests, a compliance officer (never the requester) approves or
 * rejects, either revokes with a reason; the register exports as CSV for an examiner.
 */
@RestController
@RequestMapping("/api/accounts")
public class AccountsController {
    private final AccountRegister register;

    public AccountsController(AccountRegister register) {
        this.register = register;
    }

    /** {@code businessLine} and {@code jurisdiction} are optional, as in the config seeds: retention rules match on them. */
    public record AccountRequest(String platform, String account, String owner, String justification, LocalDate reviewDate,
                                 String businessLine, String jurisdiction) {
    }

    public record Decision(String comment, String reason) {
    }

    @GetMapping
    public List<RegisteredAccount> list() {
        return register.all();
    }

    @GetMapping("/due-for-review")
    public List<RegisteredAccount> dueForReview() {
        return register.dueForReview();
    }

    @GetMapping("/register.csv")
    public ResponseEntity<String> export() {
        String header = "id,platform,account,owner,state,justification,review_date,requested_by,requested_at,decided_by,decided_at,decision_comment,source";
        String rows = register.all().stream().map(a -> Stream.of(a.id(), a.platform().wireName(), a.accountId(), a.owner(), a.state().name(),
                        a.justification(), String.valueOf(a.reviewDate()), a.requestedBy(), String.valueOf(a.requestedAt()), a.decidedBy(),
                        a.decidedAt() == null ? null : a.decidedAt().toString(), a.decisionComment(), a.source())
                .map(AccountsController::csv).collect(Collectors.joining(","))).collect(Collectors.joining("\r\n"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"approved-accounts.csv\"")
                .body(header + "\r\n" + rows + (rows.isEmpty() ? "" : "\r\n"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public RegisteredAccount request(@RequestBody AccountRequest request, HttpServletRequest http) {
        if (request.platform() == null) {
            throw new IllegalArgumentException("platform is required: whatsapp or telegram");
        }
        return register.request(Platform.fromWireName(request.platform()), request.account(), request.owner(), request.justification(),
                request.reviewDate(), new AccountRegister.RetentionFacts(request.businessLine(), request.jurisdiction()),
                Actors.current(), Actors.addressOf(http));
    }

    @PostMapping("/{id}/approve")
    public RegisteredAccount approve(@PathVariable String id, @RequestBody(required = false) Decision decision, HttpServletRequest http) {
        return register.decide(id, true, Actors.current(), decision == null ? null : decision.comment(), Actors.addressOf(http));
    }

    @PostMapping("/{id}/reject")
    public RegisteredAccount reject(@PathVariable String id, @RequestBody(required = false) Decision decision, HttpServletRequest http) {
        return register.decide(id, false, Actors.current(), decision == null ? null : decision.comment(), Actors.addressOf(http));
    }

    @PostMapping("/{id}/revoke")
    public RegisteredAccount revoke(@PathVariable String id, @RequestBody Decision decision, HttpServletRequest http) {
        return register.revoke(id, Actors.current(), decision.reason(), Actors.addressOf(http));
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        // a leading =, +, - or @ would be run as a formula by a spreadsheet: neutralize it
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
