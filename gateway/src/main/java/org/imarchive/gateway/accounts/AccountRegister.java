package org.imarchive.gateway.accounts;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.model.AccountRef;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.pipeline.AccountApproval;
import org.imarchive.archive.support.Ids;
import org.imarchive.archive.support.Jdbc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The register of approved accounts. Adding an account is a request; a second person with the compliance role
 * approves or rejects it (four eyes: never the requester); an approved account can be revoked with a reason. Every
 * step is audited. The set of approved accounts is cached for the pipeline and reloaded on every change.
 */
@Service
public class AccountRegister implements AccountApproval {
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final AtomicReference<Set<AccountRef>> approved = new AtomicReference<>();
    private final AtomicReference<Map<AccountRef, RetentionFacts>> retentionFacts = new AtomicReference<>();

    /**
     * What retention rules match on besides platform and account (ADR 0013): the desk that owns the account and where
     * its client relationships are booked; either may be unknown (null), and then only rules that do not restrict it apply.
     */
    public record RetentionFacts(String businessLine, String jurisdiction) {
        public static final RetentionFacts UNKNOWN = new RetentionFacts(null, null);

        /** Blank values are unknown ones, so a rule restricted to a business line or jurisdiction never matches "". */
        public RetentionFacts {
            businessLine = businessLine == null || businessLine.isBlank() ? null : businessLine.strip();
            jurisdiction = jurisdiction == null || jurisdiction.isBlank() ? null : jurisdiction.strip();
        }
    }

    public AccountRegister(JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public boolean isApproved(AccountRef account) {
        Set<AccountRef> current = approved.get();
        if (current == null) {
            current = reload();
        }
        return current.contains(account);
    }

    public RegisteredAccount request(Platform platform, String accountId, String owner, String justification, LocalDate reviewDate,
                                     RetentionFacts facts, String requestedBy, String remoteAddress) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("account is required");
        }
        if (justification == null || justification.isBlank()) {
            throw new IllegalArgumentException("a business justification is required");
        }
        if (reviewDate == null || !reviewDate.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("a review date in the future is required");
        }
        if (find(platform, accountId).stream().anyMatch(a -> a.state() == RegisteredAccount.State.APPROVED || a.state() == RegisteredAccount.State.REQUESTED)) {
            throw new IllegalStateException(platform.wireName() + " account " + accountId + " is already approved or requested");
        }
        String id = Ids.newId(clock.instant());
        jdbc.update("insert into approved_account (id, platform, account_id, owner, justification, review_date, state, requested_by, requested_at, source,"
                        + " business_line, jurisdiction) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                id, platform.wireName(), accountId, owner, justification, Date.valueOf(reviewDate), RegisteredAccount.State.REQUESTED.name(),
                requestedBy, Jdbc.timestamp(clock.instant()), "api", facts.businessLine(), facts.jurisdiction());
        audit.record(new AuditEvent(requestedBy, "account.request", platform.wireName() + ":" + accountId, AuditEvent.Outcome.SUCCESS,
                remoteAddress, "owner=" + owner + " review=" + reviewDate + " businessLine=" + facts.businessLine()
                        + " jurisdiction=" + facts.jurisdiction() + " justification=" + justification));
        return get(id);
    }

    public RegisteredAccount decide(String id, boolean approve, String decidedBy, String comment, String remoteAddress) {
        RegisteredAccount account = get(id);
        String action = approve ? "account.approve" : "account.reject";
        if (account.state() != RegisteredAccount.State.REQUESTED) {
            refuse(decidedBy, action, account, remoteAddress, "is " + account.state().name().toLowerCase() + ", not requested");
        }
        if (account.requestedBy().equals(decidedBy)) {
            refuse(decidedBy, action, account, remoteAddress, "needs a second person: the requester cannot decide their own request");
        }
        RegisteredAccount.State state = approve ? RegisteredAccount.State.APPROVED : RegisteredAccount.State.REJECTED;
        jdbc.update("update approved_account set state = ?, decided_by = ?, decided_at = ?, decision_comment = ? where id = ?",
                state.name(), decidedBy, Jdbc.timestamp(clock.instant()), comment, id);
        audit.record(new AuditEvent(decidedBy, action, target(account), AuditEvent.Outcome.SUCCESS, remoteAddress, comment));
        reload();
        return get(id);
    }

    public RegisteredAccount revoke(String id, String revokedBy, String reason, String remoteAddress) {
        RegisteredAccount account = get(id);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to revoke an account");
        }
        if (account.state() != RegisteredAccount.State.APPROVED) {
            refuse(revokedBy, "account.revoke", account, remoteAddress, "is not approved");
        }
        jdbc.update("update approved_account set state = ?, decided_by = ?, decided_at = ?, decision_comment = ? where id = ?",
                RegisteredAccount.State.REVOKED.name(), revokedBy, Jdbc.timestamp(clock.instant()), reason, id);
        audit.record(new AuditEvent(revokedBy, "account.revoke", target(account), AuditEvent.Outcome.SUCCESS, remoteAddress, reason));
        reload();
        return get(id);
    }

    /**
     * Records an account approved in the configuration file, once; the file's author and approver are its evidence. The
     * business line and jurisdiction (for retention) are taken from the file whenever it is read, so adding them later
     * reaches accounts seeded before; they govern records committed from then on, and a new policy version re-evaluates
     * archived ones.
     */
    public void seed(Platform platform, String accountId, String owner, String justification, LocalDate reviewDate,
                     String requestedBy, String approvedBy, String source, RetentionFacts facts) {
        if (find(platform, accountId).stream().anyMatch(a -> a.state() == RegisteredAccount.State.APPROVED)) {
            jdbc.update("update approved_account set business_line = ?, jurisdiction = ? where platform = ? and account_id = ? and state = 'APPROVED'",
                    facts.businessLine(), facts.jurisdiction(), platform.wireName(), accountId);
            reload();
            return;
        }
        String id = Ids.newId(clock.instant());
        jdbc.update("insert into approved_account (id, platform, account_id, owner, justification, review_date, state, requested_by, requested_at,"
                        + " decided_by, decided_at, decision_comment, source, business_line, jurisdiction) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                id, platform.wireName(), accountId, owner, justification, Date.valueOf(reviewDate), RegisteredAccount.State.APPROVED.name(),
                requestedBy, Jdbc.timestamp(clock.instant()), approvedBy, Jdbc.timestamp(clock.instant()), "approved in " + source, source,
                facts.businessLine(), facts.jurisdiction());
        audit.record(new AuditEvent("system", "account.seed", platform.wireName() + ":" + accountId, AuditEvent.Outcome.SUCCESS, null,
                "from " + source + ", requested by " + requestedBy + ", approved by " + approvedBy));
        reload();
    }

    public List<RegisteredAccount> all() {
        return jdbc.query("select * from approved_account order by platform, account_id, requested_at", ROW);
    }

    public RegisteredAccount get(String id) {
        return jdbc.query("select * from approved_account where id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> new java.util.NoSuchElementException("no account request " + id));
    }

    /** Every RM the account has been approved for, now or before (revoked or handed over): a legal hold's custodians. */
    public Set<String> custodiansOf(AccountRef account) {
        return find(account.platform(), account.accountId()).stream()
                .filter(a -> a.wasSanctioned() && a.owner() != null).map(RegisteredAccount::owner).collect(Collectors.toUnmodifiableSet());
    }

    public Optional<String> ownerOf(AccountRef account) {
        return find(account.platform(), account.accountId()).stream()
                .filter(a -> a.state() == RegisteredAccount.State.APPROVED && a.owner() != null).map(RegisteredAccount::owner).findFirst();
    }

    /** The approved account's business line and jurisdiction, as far as the register knows them; asked for every commit. */
    public RetentionFacts retentionFactsOf(AccountRef account) {
        Map<AccountRef, RetentionFacts> current = retentionFacts.get();
        if (current == null) {
            reload();
            current = retentionFacts.get();
        }
        return current.getOrDefault(account, RetentionFacts.UNKNOWN);
    }

    /** Approved accounts whose review date has passed: the periodic attestation a supervisor must redo. */
    public List<RegisteredAccount> dueForReview() {
        LocalDate today = LocalDate.now(clock);
        return all().stream().filter(a -> a.state() == RegisteredAccount.State.APPROVED && !a.reviewDate().isAfter(today)).toList();
    }

    private List<RegisteredAccount> find(Platform platform, String accountId) {
        return jdbc.query("select * from approved_account where platform = ? and account_id = ?", ROW, platform.wireName(), accountId);
    }

    private Set<AccountRef> reload() {
        Map<AccountRef, RetentionFacts> facts = new java.util.HashMap<>();
        jdbc.query("select platform, account_id, business_line, jurisdiction from approved_account where state = 'APPROVED'", rows -> {
            facts.put(new AccountRef(Platform.fromWireName(rows.getString(1)), rows.getString(2)),
                    new RetentionFacts(rows.getString(3), rows.getString(4)));
        });
        retentionFacts.set(Map.copyOf(facts));
        Set<AccountRef> loaded = Set.copyOf(facts.keySet());
        approved.set(loaded);
        return loaded;
    }

    private void refuse(String actor, String action, RegisteredAccount account, String remoteAddress, String reason) {
        audit.record(new AuditEvent(actor, action, target(account), AuditEvent.Outcome.REFUSED, remoteAddress, reason));
        throw new IllegalStateException(target(account) + " " + reason);
    }

    private static String target(RegisteredAccount account) {
        return account.platform().wireName() + ":" + account.accountId() + " (" + account.id() + ")";
    }

    private static final RowMapper<RegisteredAccount> ROW = (rows, i) -> new RegisteredAccount(
            rows.getString("id"), Platform.fromWireName(rows.getString("platform")), rows.getString("account_id"), rows.getString("owner"),
            rows.getString("justification"), rows.getDate("review_date").toLocalDate(),
            RegisteredAccount.State.valueOf(rows.getString("state")), rows.getString("requested_by"), Jdbc.instant(rows, rows.findColumn("requested_at")),
            rows.getString("decided_by"), Jdbc.instant(rows, rows.findColumn("decided_at")), rows.getString("decision_comment"), rows.getString("source"),
            rows.getString("business_line"), rows.getString("jurisdiction"));
}
