package org.imarchive.gateway.retention;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.store.RetainedRow;
import org.imarchive.archive.store.RetentionCatalog;
import org.imarchive.archive.support.CanonicalJson;
import org.imarchive.archive.support.Ids;
import org.imarchive.archive.support.Jdbc;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.retention.RetainedRecord;
import org.imarchive.retention.disposition.PlannedDisposal;
import org.imarchive.retention.disposition.Withdrawal;
import org.imarchive.retention.erasure.DataSubject;
import org.imarchive.retention.erasure.ErasureAnswer;
import org.imarchive.retention.erasure.ErasureEvaluator;
import org.imarchive.retention.erasure.ErasureGround;
import org.imarchive.retention.hold.PartyIds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * GDPR Art. 17 erasure requests. The data subject's records are found by their platform ids, each evaluated: kept
 * where a retention duty (17(3)(b)) or a legal hold (17(3)(e)) applies, with the basis recorded; the others go into
 * a disposition plan that needs a second person's approval exactly as any disposition does. The answer is kept
 * whatever it says.
 */
@Service
public class ErasureRequests {
    private final JdbcTemplate jdbc;
    private final RetentionCatalog catalog;
    private final AccountRegister accounts;
    private final ErasureEvaluator evaluator;
    private final Dispositions dispositions;
    private final AuditLog audit;
    private final Clock clock;

    public ErasureRequests(JdbcTemplate jdbc, RetentionCatalog catalog, AccountRegister accounts, ErasureEvaluator evaluator,
                           Dispositions dispositions, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.accounts = accounts;
        this.evaluator = evaluator;
        this.dispositions = dispositions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The request: a reference (ticket, DSAR number) and the ids the person is known by, in any of the three lists. */
    public record Request(String reference, List<String> participantIds, List<String> phoneNumbers, List<String> telegramIds) {
    }

    /** One record kept, and every reason. */
    public record Kept(String recordId, String recordHash, List<Ground> grounds) {
    }

    /** @param article {@code GDPR Art. 17(3)(b)} or {@code (e)} */
    public record Ground(String article, String basis, String reference, java.time.LocalDate until) {
    }

    /**
     * @param state    {@code awaiting-approval} while erasable records wait for the second person, {@code erased} once
     *                 the disposition ran, {@code answered} when nothing was erasable
     * @param erasable the records this request may erase; {@code erased} those actually erased
     */
    public record View(String id, String reference, String requestedBy, Instant requestedAt, String state, List<String> erasable,
                       List<String> erased, List<Kept> kept, String dispositionId, List<Withdrawal> withdrawn) {
    }

    /** What is stored of the answer. */
    record StoredAnswer(List<String> erasable, List<Kept> kept) {
    }

    public View request(Request request, String requestedBy, String remoteAddress) {
        Set<String> ids = new LinkedHashSet<>();
        for (List<String> list : java.util.Arrays.asList(request.participantIds(), request.phoneNumbers(), request.telegramIds())) {
            if (list != null) {
                list.stream().filter(id -> id != null && !id.isBlank()).forEach(ids::add);
            }
        }
        if (request.reference() == null || request.reference().isBlank()) {
            throw new IllegalArgumentException("an erasure request needs a reference (the ticket or request number)");
        }
        DataSubject subject = new DataSubject(request.reference().strip(), ids);
        List<String> knownAs = catalog.participantIds().stream().filter(id -> subject.platformIds().contains(PartyIds.comparable(id))).toList();
        List<RetainedRow> rows = catalog.recordsOfParticipants(knownAs);
        List<Kept> kept = new ArrayList<>();
        rows.stream().filter(row -> row.retention() == null).forEach(row -> kept.add(new Kept(row.recordId(), row.sha256(), List.of(
                new Ground(ErasureGround.Exemption.LEGAL_OBLIGATION.article(), "committed before retention was assigned; kept until a policy version assigns it",
                        null, null)))));
        List<RetainedRecord> records = new RetainedRecords(accounts).of(rows);
        ErasureAnswer answer = evaluator.evaluate(subject, records, dispositions.activeHolds(), clock);
        for (ErasureAnswer.KeptRecord record : answer.kept()) {
            kept.add(new Kept(record.recordId(), record.recordHash(), record.grounds().stream()
                    .map(g -> new Ground(g.exemption().article(), g.basis(), g.reference(), g.until())).toList()));
        }
        String id = Ids.newId(clock.instant());
        String planId = null;
        if (!answer.erasable().isEmpty()) {
            Set<String> erasable = Set.copyOf(answer.erasable());
            planId = dispositions.planFor(rows.stream().filter(row -> erasable.contains(row.recordId())).toList(), 0, requestedBy, "erasure:" + id).id();
        }
        jdbc.update("insert into erasure_request (id, reference, requested_by, requested_at, answer_json, plan_id) values (?,?,?,?,?,?)",
                id, subject.reference(), requestedBy, Jdbc.timestamp(clock.instant()),
                new String(CanonicalJson.bytes(new StoredAnswer(answer.erasable(), kept)), StandardCharsets.UTF_8), planId);
        audit.record(new AuditEvent(requestedBy, "erasure.request", id, AuditEvent.Outcome.SUCCESS, remoteAddress,
                "reference " + subject.reference() + ": " + answer.erasable().size() + " erasable"
                        + (planId == null ? "" : " (disposition " + planId + ", awaiting approval)") + ", " + kept.size() + " kept under GDPR Art. 17(3)"));
        return get(id);
    }

    public View get(String id) {
        return jdbc.query("select * from erasure_request where id = ?", (rows, i) -> {
            StoredAnswer answer = CanonicalJson.read(rows.getString("answer_json").getBytes(StandardCharsets.UTF_8), StoredAnswer.class);
            String planId = rows.getString("plan_id");
            List<String> erased = List.of();
            List<Withdrawal> withdrawn = List.of();
            String state = planId == null ? "answered" : "awaiting-approval";
            if (planId != null) {
                Dispositions.PlanView plan = dispositions.get(planId);
                if (Dispositions.EXECUTED.equals(plan.state())) {
                    state = "erased";
                    withdrawn = plan.withdrawn();
                    Set<String> out = new java.util.HashSet<>();
                    plan.withdrawn().forEach(w -> out.add(w.recordId()));
                    erased = plan.plan().disposals().stream().map(PlannedDisposal::recordId).filter(r -> !out.contains(r)).toList();
                }
            }
            return new View(id, rows.getString("reference"), rows.getString("requested_by"), Jdbc.instant(rows, rows.findColumn("requested_at")),
                    state, answer.erasable(), erased, answer.kept(), planId, withdrawn);
        }, id).stream().findFirst().orElseThrow(() -> new NoSuchElementException("no erasure request " + id));
    }
}
