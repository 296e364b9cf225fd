package org.imarchive.gateway.retention;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.ledger.Ledger;
import org.imarchive.archive.media.AttachmentTexts;
import org.imarchive.archive.store.ArchiveStore;
import org.imarchive.archive.store.RecordNotDisposableException;
import org.imarchive.archive.store.RetainedRow;
import org.imarchive.archive.store.RetentionCatalog;
import org.imarchive.archive.search.SearchIndex;
import org.imarchive.archive.support.CanonicalJson;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.archive.support.Sha256;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.gateway.api.ApiException;
import org.imarchive.gateway.holds.LegalHolds;
import org.imarchive.retention.RetainedRecord;
import org.imarchive.retention.disposition.ApprovalRefusedException;
import org.imarchive.retention.disposition.ApprovedDisposition;
import org.imarchive.retention.disposition.CertificateChain;
import org.imarchive.retention.disposition.ConfirmedDisposition;
import org.imarchive.retention.disposition.DispositionApproval;
import org.imarchive.retention.disposition.DispositionCertificate;
import org.imarchive.retention.disposition.DispositionPlan;
import org.imarchive.retention.disposition.DispositionPlanner;
import org.imarchive.retention.disposition.PlannedDisposal;
import org.imarchive.retention.disposition.Withdrawal;
import org.imarchive.retention.hold.LegalHold;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * Disposition in the gateway: a plan (dry run) of the expired, unheld records, stored for review; approval by a
 * second person; then, at once, each record confirmed again against the store and the holds as they are now, its
 * content removed through the store (which refuses anything unexpired), its search documents removed, and a
 * certificate issued onto the chain and vouched for in the ledger. Every step and every refusal is audited.
 */
@Service
public class Dispositions {
    static final String PLANNED = "planned";
    static final String EXECUTED = "executed";
    private static final Logger LOG = LoggerFactory.getLogger(Dispositions.class);
    private static final int INDEX_REMOVAL_BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final RetentionCatalog catalog;
    private final ArchiveStore store;
    private final SearchIndex index;
    private final AttachmentTexts reindex;
    private final AccountRegister accounts;
    private final LegalHolds holds;
    private final DispositionPlanner planner;
    private final RetentionProperties properties;
    private final AuditLog audit;
    private final Clock clock;

    public Dispositions(JdbcTemplate jdbc, RetentionCatalog catalog, ArchiveStore store, SearchIndex index, AttachmentTexts reindex,
                        AccountRegister accounts, LegalHolds holds, DispositionPlanner planner, RetentionProperties properties,
                        AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.store = store;
        this.index = index;
        this.reindex = reindex;
        this.accounts = accounts;
        this.holds = holds;
        this.planner = planner;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** A summary of a plan, and the whole of it for {@link #get}. */
    public record PlanView(String id, String origin, String state, String plannedBy, Instant plannedAt, String planHash, int disposals,
                           int heldBack, Long notYetExpired, String approvedBy, Instant approvedAt, Instant executedAt, Integer disposed,
                           Long certificateSerial, DispositionPlan plan, List<Withdrawal> withdrawn) {
    }

    /** Plans disposition of what has expired by today (at most the configured number of records), for review. */
    public PlanView plan(String plannedBy, String origin) {
        LocalDate today = today();
        List<RetainedRow> expired = catalog.expiredOn(today, properties.disposition().maxRecordsPerPlan());
        return planFor(expired, catalog.keptOn(today), plannedBy, origin);
    }

    /** Plans disposition of exactly these records (an erasure request's), for review. */
    PlanView planFor(List<RetainedRow> rows, long notYetExpired, String plannedBy, String origin) {
        List<RetainedRecord> records = new RetainedRecords(accounts).of(rows);
        DispositionPlan dry = planner.plan(records, activeHolds(), plannedBy);
        DispositionPlan plan = new DispositionPlan(dry.id(), dry.plannedBy(), dry.asOf(), dry.disposals(), dry.heldBack(), notYetExpired);
        jdbc.update("insert into disposition_plan (id, origin, planned_by, planned_at, plan_hash, plan_json, disposals, held_back, state)"
                        + " values (?,?,?,?,?,?,?,?,?)",
                plan.id(), origin, plannedBy, Jdbc.timestamp(plan.asOf()), plan.planHash(), new String(CanonicalJson.bytes(plan), StandardCharsets.UTF_8),
                plan.disposals().size(), plan.heldBack().size(), PLANNED);
        audit.record(new AuditEvent(plannedBy, "disposition.plan", plan.id(), AuditEvent.Outcome.SUCCESS, null,
                origin + ": " + plan.disposals().size() + " to dispose, " + plan.heldBack().size() + " held back by legal holds, "
                        + notYetExpired + " not yet expired; plan sha256 " + plan.planHash()));
        return get(plan.id());
    }

    /** True when a plan of this origin still awaits approval: the scheduled job then plans nothing new. */
    boolean awaitsApproval(String origin) {
        return !jdbc.queryForList("select id from disposition_plan where origin = ? and state = ?", String.class, origin, PLANNED).isEmpty();
    }

    public List<PlanView> list() {
        return jdbc.query("select id from disposition_plan order by planned_at desc, id desc", (rows, i) -> rows.getString(1))
                .stream().map(this::summary).toList();
    }

    public PlanView get(String id) {
        return view(id, true);
    }

    private PlanView summary(String id) {
        return view(id, false);
    }

    private PlanView view(String id, boolean whole) {
        return jdbc.query("select * from disposition_plan where id = ?", (rows, i) -> {
            DispositionPlan plan = CanonicalJson.read(rows.getString("plan_json").getBytes(StandardCharsets.UTF_8), DispositionPlan.class);
            String withdrawn = rows.getString("withdrawn_json");
            Long serial = rows.getObject("certificate_serial") == null ? null : rows.getLong("certificate_serial");
            Integer disposed = rows.getObject("disposed") == null ? null : rows.getInt("disposed");
            return new PlanView(id, rows.getString("origin"), rows.getString("state"), rows.getString("planned_by"),
                    Jdbc.instant(rows, rows.findColumn("planned_at")), rows.getString("plan_hash"), rows.getInt("disposals"), rows.getInt("held_back"),
                    plan.notYetExpired(), rows.getString("approved_by"), Jdbc.instant(rows, rows.findColumn("approved_at")),
                    Jdbc.instant(rows, rows.findColumn("executed_at")), disposed, serial, whole ? plan : null,
                    withdrawn == null ? List.of() : List.of(CanonicalJson.read(withdrawn.getBytes(StandardCharsets.UTF_8), Withdrawal[].class)));
        }, id).stream().findFirst().orElseThrow(() -> new NoSuchElementException("no disposition plan " + id));
    }

    /**
     * Approves a plan (four eyes: never by its planner, unless turned off) and carries it out at once. Records held,
     * extended or changed since the plan are withdrawn and named in the answer; nothing unexpired is ever removed.
     */
    public synchronized PlanView approve(String id, String approver, String remoteAddress) {
        PlanView stored = get(id);
        if (!PLANNED.equals(stored.state())) {
            throw refused(approver, "disposition.approve", id, remoteAddress, HttpStatus.CONFLICT, "plan " + id + " is " + stored.state() + ", not awaiting approval");
        }
        DispositionPlan plan = stored.plan();
        if (!plan.planHash().equals(stored.planHash())) {
            throw refused(approver, "disposition.approve", id, remoteAddress, HttpStatus.CONFLICT,
                    "plan " + id + " no longer matches the hash it was reviewed under; plan again");
        }
        ApprovedDisposition approved;
        try {
            approved = new DispositionApproval(properties.disposition().fourEyes(), clock).approve(plan, approver);
        } catch (ApprovalRefusedException e) {
            throw refused(approver, "disposition.approve", id, remoteAddress, HttpStatus.FORBIDDEN, e.getMessage());
        }
        audit.record(new AuditEvent(approver, "disposition.approve", id, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "plan sha256 " + approved.planHash() + ", planned by " + plan.plannedBy()));
        List<String> plannedIds = plan.disposals().stream().map(PlannedDisposal::recordId).toList();
        List<RetainedRecord> current = new RetainedRecords(accounts).of(catalog.records(plannedIds));
        ConfirmedDisposition confirmed = planner.confirm(approved, current, activeHolds());
        Instant now = clock.instant();
        DispositionCertificate[] issued = new DispositionCertificate[1];
        try {
            // the certificate, the plan's new state and the index removals to do commit with the tombstones, or none does
            catalog.dispose(confirmed.toDispose().stream().map(PlannedDisposal::recordId).toList(), today(), connection -> {
                issued[0] = issue(connection, confirmed);
                try (PreparedStatement executed = connection.prepareStatement("update disposition_plan set state = ?, approved_by = ?,"
                        + " approved_at = ?, executed_at = ?, disposed = ?, withdrawn_json = ?, certificate_serial = ? where id = ?")) {
                    executed.setString(1, EXECUTED);
                    executed.setString(2, approved.approvedBy());
                    executed.setObject(3, Jdbc.timestamp(approved.approvedAt()));
                    executed.setObject(4, Jdbc.timestamp(now));
                    executed.setInt(5, confirmed.toDispose().size());
                    executed.setString(6, new String(CanonicalJson.bytes(confirmed.withdrawn()), StandardCharsets.UTF_8));
                    executed.setLong(7, issued[0].serial());
                    executed.setString(8, id);
                    executed.executeUpdate();
                }
                listIndexRemovals(connection, confirmed);
                return List.of(new Ledger.Subject("certificate", issued[0].id(), Sha256.hex(issued[0].toJson())));
            });
        } catch (RecordNotDisposableException e) {
            throw refused(approver, "disposition.execute", id, remoteAddress, HttpStatus.CONFLICT, e.getMessage());
        }
        DispositionCertificate certificate = issued[0];
        finishIndexRemovals();
        audit.record(new AuditEvent(approver, "disposition.execute", id, AuditEvent.Outcome.SUCCESS, remoteAddress,
                confirmed.toDispose().size() + " records disposed, " + confirmed.withdrawn().size() + " withdrawn; certificate "
                        + certificate.serial() + " sha256 " + certificate.certificateHash()));
        return get(id);
    }

    /** The certificate of an executed plan, as the canonical JSON an examiner receives. */
    public Optional<byte[]> certificate(String planId) {
        return jdbc.query("select certificate_json from disposition_certificate where plan_id = ?",
                (rows, i) -> rows.getString(1).getBytes(StandardCharsets.UTF_8), planId).stream().findFirst();
    }

    /** Every certificate in chain order, for {@link CertificateChain#verify}. */
    public List<DispositionCertificate> certificates() {
        return jdbc.query("select certificate_json from disposition_certificate order by serial",
                (rows, i) -> DispositionCertificate.fromJson(rows.getString(1).getBytes(StandardCharsets.UTF_8)));
    }

    /** The next certificate on the chain, written on the disposal's connection; the caller's ledger entry vouches for it. */
    private DispositionCertificate issue(Connection connection, ConfirmedDisposition confirmed) throws SQLException {
        DispositionCertificate previous = null;
        try (PreparedStatement last = connection.prepareStatement(
                "select certificate_json from disposition_certificate order by serial desc fetch first 1 rows only");
             ResultSet rows = last.executeQuery()) {
            if (rows.next()) {
                previous = DispositionCertificate.fromJson(rows.getString(1).getBytes(StandardCharsets.UTF_8));
            }
        }
        DispositionCertificate certificate = CertificateChain.issue(confirmed, previous, clock);
        try (PreparedStatement insert = connection.prepareStatement("insert into disposition_certificate"
                + " (serial, id, plan_id, issued_at, certificate_hash, certificate_json) values (?,?,?,?,?,?)")) {
            insert.setLong(1, certificate.serial());
            insert.setString(2, certificate.id());
            insert.setString(3, certificate.planId());
            insert.setObject(4, Jdbc.timestamp(certificate.issuedAt()));
            insert.setString(5, certificate.certificateHash());
            insert.setString(6, new String(certificate.toJson(), StandardCharsets.UTF_8));
            insert.executeUpdate();
        }
        return certificate;
    }

    /** The disposed versions' search documents, listed in the disposal's transaction so that no crash forgets them. */
    private static void listIndexRemovals(Connection connection, ConfirmedDisposition confirmed) throws SQLException {
        try (PreparedStatement list = connection.prepareStatement("insert into pending_index_removal (document_id, message_id)"
                + " select record_id, message_id from archive_record where record_id = ?")) {
            for (PlannedDisposal disposal : confirmed.toDispose()) {
                list.setString(1, disposal.recordId());
                list.addBatch();
            }
            list.executeBatch();
        }
    }

    /**
     * Takes what committed disposals listed out of the search index: the disposed versions leave it, and a message
     * with records left is indexed again from what is left. Runs after each disposal's commit, at start-up and before
     * each scheduled plan; an index that refuses leaves the list for the next run, and the disposal stands.
     *
     * @return how many removals are still listed
     */
    public synchronized int finishIndexRemovals() {
        while (true) {
            List<IndexRemoval> removals = jdbc.query("select removal_id, document_id, message_id from pending_index_removal"
                            + " order by removal_id fetch first " + INDEX_REMOVAL_BATCH + " rows only",
                    (rows, i) -> new IndexRemoval(rows.getLong(1), rows.getString(2), rows.getString(3)));
            if (removals.isEmpty()) {
                return 0;
            }
            Set<String> documentIds = new LinkedHashSet<>();
            Set<String> messages = new LinkedHashSet<>();
            removals.forEach(removal -> {
                documentIds.add(removal.documentId());
                messages.add(removal.messageId());
            });
            List<String> partlyLeft = new ArrayList<>();
            try {
                for (String messageId : messages) {
                    if (store.message(messageId).isPresent()) {
                        partlyLeft.add(messageId);
                    } else {
                        documentIds.add(messageId);
                    }
                }
                index.delete(documentIds);
                index.refresh();
            } catch (RuntimeException e) {
                int left = jdbc.queryForObject("select count(*) from pending_index_removal", Integer.class);
                LOG.warn("Disposition: {} disposed versions could not be removed from the search index; they stay listed for the next"
                        + " disposition run or start-up: {}", left, e.getMessage());
                return left;
            }
            partlyLeft.forEach(messageId -> reindex.requestReindex(messageId, clock.instant()));
            jdbc.update("delete from pending_index_removal where removal_id <= ?", removals.get(removals.size() - 1).removalId());
        }
    }

    private record IndexRemoval(long removalId, String documentId, String messageId) {
    }

    /** Asked afresh at every decision, never a copy: a hold placed a second ago counts. */
    List<LegalHold> activeHolds() {
        return holds.active();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private ApiException refused(String actor, String action, String target, String remoteAddress, HttpStatus status, String reason) {
        audit.record(new AuditEvent(actor, action, target, AuditEvent.Outcome.REFUSED, remoteAddress, reason));
        return new ApiException(status, reason);
    }
}
