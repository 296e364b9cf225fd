package org.imarchive.gateway.holds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.search.SearchQuery;
import org.imarchive.archive.support.Ids;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.retention.hold.HoldRelease;
import org.imarchive.retention.hold.HoldScope;
import org.imarchive.retention.hold.LegalHold;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The legal holds the firm has placed. Placing, changing the scope of and releasing a hold each write the hold and a
 * step of its history in one transaction, and go on the audit trail; so does every refused attempt, since an examiner
 * asks what was tried as well as what was done. The scope is validated before anything is written: one that restricts
 * nothing, runs backwards in time, or has a query the search index cannot parse is refused.
 */
@Service
public class LegalHolds {
    private static final String PLACED = "placed";
    private static final String CHANGED = "changed";
    private static final String RELEASED = "released";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditLog audit;
    private final SearchIndex index;
    private final Clock clock;
    private final ObjectMapper json;

    public LegalHolds(JdbcTemplate jdbc, TransactionTemplate transactions, AuditLog audit, SearchIndex index, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
        this.index = index;
        this.clock = clock;
        this.json = json;
    }

    /** The holds in force now: what disposition and erasure must respect. */
    public List<LegalHold> active() {
        return jdbc.query("select * from legal_hold where released_at is null order by placed_at, id", this::hold);
    }

    /** Every hold ever placed, newest first. */
    public List<LegalHold> all() {
        return jdbc.query("select * from legal_hold order by placed_at desc, id desc", this::hold);
    }

    public Optional<LegalHold> find(String id) {
        return jdbc.query("select * from legal_hold where id = ?", this::hold, id).stream().findFirst();
    }

    /** The hold, or NoSuchElementException (404) naming the id. */
    public LegalHold get(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("no legal hold " + id));
    }

    /** The hold's placement, changes and release, oldest first. */
    public List<HoldEvent> history(String id) {
        return jdbc.query("select * from legal_hold_event where hold_id = ? order by occurred_at, event_id",
                (rows, i) -> new HoldEvent(rows.getString("action"), rows.getString("actor"), Jdbc.instant(rows, rows.findColumn("occurred_at")),
                        rows.getString("reason"), scopeBody(rows.getString("scope_json"))), id);
    }

    public LegalHold place(String matter, String reason, ScopeBody scope, String actor, String remoteAddress) {
        LegalHold hold;
        try {
            if (scope == null) {
                throw new IllegalArgumentException("a hold needs a scope: custodians, counterparties, conversations, a query or dates");
            }
            HoldScope valid = validated(scope);
            hold = LegalHold.place(matter, reason, actor, clock.instant(), valid);
        } catch (RuntimeException refused) {
            audit.record(new AuditEvent(actor, "hold.place", null, AuditEvent.Outcome.REFUSED, remoteAddress,
                    "matter=" + matter + " " + refused.getMessage()));
            throw refused;
        }
        String scopeJson = scopeJson(hold.scope());
        transactions.executeWithoutResult(status -> {
            jdbc.update("insert into legal_hold (id, matter, reason, placed_by, placed_at, scope_json) values (?,?,?,?,?,?)",
                    hold.id(), hold.matter(), hold.reason(), hold.placedBy(), Jdbc.timestamp(hold.placedAt()), scopeJson);
            event(hold.id(), PLACED, actor, hold.placedAt(), hold.reason(), scopeJson);
        });
        audit.record(new AuditEvent(actor, "hold.place", hold.id(), AuditEvent.Outcome.SUCCESS, remoteAddress,
                "matter=" + hold.matter() + " reason=" + hold.reason() + " scope=" + scopeJson));
        return hold;
    }

    /**
     * Replaces the scope of an active hold. Narrowing a hold lets disposition take what it no longer covers, so a change
     * needs a reason like a release does, and the earlier scope stays in the history.
     */
    public LegalHold changeScope(String id, ScopeBody scope, String reason, String actor, String remoteAddress) {
        LegalHold changed;
        try {
            LegalHold hold = get(id);
            if (!hold.isActive()) {
                throw new IllegalStateException("hold " + id + " was released by " + hold.release().releasedBy() + " at "
                        + hold.release().releasedAt() + "; place a new hold instead");
            }
            requireReason(reason, "a change of scope");
            if (scope == null) {
                throw new IllegalArgumentException("a change needs the new scope");
            }
            changed = new LegalHold(hold.id(), hold.matter(), hold.reason(), hold.placedBy(), hold.placedAt(), validated(scope), null);
        } catch (RuntimeException refused) {
            audit.record(new AuditEvent(actor, "hold.change", id, AuditEvent.Outcome.REFUSED, remoteAddress, refused.getMessage()));
            throw refused;
        }
        String scopeJson = scopeJson(changed.scope());
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            // the released_at condition makes a release racing this change win cleanly instead of being overwritten
            if (jdbc.update("update legal_hold set scope_json = ? where id = ? and released_at is null", scopeJson, id) != 1) {
                throw new IllegalStateException("hold " + id + " was released meanwhile");
            }
            event(id, CHANGED, actor, now, reason, scopeJson);
        });
        audit.record(new AuditEvent(actor, "hold.change", id, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "matter=" + changed.matter() + " reason=" + reason + " scope=" + scopeJson));
        return changed;
    }

    /** Releases an active hold; a hold is released once, with a reason counsel can justify later. */
    public LegalHold release(String id, String reason, String actor, String remoteAddress) {
        LegalHold released;
        try {
            requireReason(reason, "a release");
            released = get(id).release(actor, clock.instant(), reason);
        } catch (RuntimeException refused) {
            audit.record(new AuditEvent(actor, "hold.release", id, AuditEvent.Outcome.REFUSED, remoteAddress, refused.getMessage()));
            throw refused;
        }
        HoldRelease release = released.release();
        String scopeJson = scopeJson(released.scope());
        transactions.executeWithoutResult(status -> {
            if (jdbc.update("update legal_hold set released_by = ?, released_at = ?, release_reason = ? where id = ? and released_at is null",
                    release.releasedBy(), Jdbc.timestamp(release.releasedAt()), release.reason(), id) != 1) {
                throw new IllegalStateException("hold " + id + " was released meanwhile");
            }
            event(id, RELEASED, actor, release.releasedAt(), reason, scopeJson);
        });
        audit.record(new AuditEvent(actor, "hold.release", id, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "matter=" + released.matter() + " reason=" + reason));
        return released;
    }

    private HoldScope validated(ScopeBody body) {
        HoldScope scope = body.toScope();
        if (scope.query() != null) {
            // parsing is the index's business; a query it refuses (InvalidQueryException) would hold nothing by query later
            index.search(SearchQuery.builder().q(scope.query()).pageSize(1).build());
        }
        return scope;
    }

    private static void requireReason(String reason, String what) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException(what + " needs a reason");
        }
    }

    private void event(String holdId, String action, String actor, Instant at, String reason, String scopeJson) {
        jdbc.update("insert into legal_hold_event (event_id, hold_id, action, actor, occurred_at, reason, scope_json) values (?,?,?,?,?,?,?)",
                Ids.newId(at), holdId, action, actor, Jdbc.timestamp(at), reason, scopeJson);
    }

    private LegalHold hold(java.sql.ResultSet rows, int rowNumber) throws java.sql.SQLException {
        Instant releasedAt = Jdbc.instant(rows, rows.findColumn("released_at"));
        HoldRelease release = releasedAt == null ? null
                : new HoldRelease(rows.getString("released_by"), releasedAt, rows.getString("release_reason"));
        return new LegalHold(rows.getString("id"), rows.getString("matter"), rows.getString("reason"), rows.getString("placed_by"),
                Jdbc.instant(rows, rows.findColumn("placed_at")), scopeBody(rows.getString("scope_json")).toScope(), release);
    }

    private String scopeJson(HoldScope scope) {
        try {
            return json.writeValueAsString(ScopeBody.of(scope));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a hold scope could not be written as JSON", e);
        }
    }

    private ScopeBody scopeBody(String scopeJson) {
        try {
            return json.readValue(scopeJson, ScopeBody.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored hold scope is not readable JSON", e);
        }
    }
}
