package org.imarchive.retention.disposition;

import org.imarchive.archive.support.Ids;
import org.imarchive.retention.RetainedRecord;
import org.imarchive.retention.hold.HoldEvaluator;
import org.imarchive.retention.hold.LegalHold;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans disposition, and re-checks an approved plan just before it is carried out. Between planning and execution a
 * hold may be placed or a policy extended, so both steps apply the same two tests: expired by the clock, covered by
 * no active hold. Nothing else decides; in particular a held record is never planned, whatever the clock says.
 */
public final class DispositionPlanner {

    private final HoldEvaluator holds;
    private final Clock clock;

    public DispositionPlanner(HoldEvaluator holds, Clock clock) {
        this.holds = Objects.requireNonNull(holds, "holds");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public DispositionPlan plan(Iterable<RetainedRecord> records, Collection<LegalHold> legalHolds, String plannedBy) {
        Instant now = clock.instant();
        List<LegalHold> active = legalHolds.stream().filter(LegalHold::isActive).toList();
        List<PlannedDisposal> disposals = new ArrayList<>();
        List<HeldBackRecord> heldBack = new ArrayList<>();
        long notYetExpired = 0;
        for (RetainedRecord record : records) {
            if (!record.assignment().isExpiredAt(now)) {
                notYetExpired++;
                continue;
            }
            List<String> holdIds = holds.holdsCovering(active, record.facts());
            if (holdIds.isEmpty()) {
                disposals.add(disposal(record));
            } else {
                heldBack.add(new HeldBackRecord(record.recordId(), record.recordHash(), record.assignment().expiresOn(),
                        record.assignment().retentionClass(), holdIds));
            }
        }
        return new DispositionPlan(Ids.newId(now), plannedBy, now, disposals, heldBack, notYetExpired);
    }

    /**
     * The approved plan's records that may be destroyed now, judged on their current state: {@code current} holds the
     * records as the store has them today (with any extended retention), {@code legalHolds} the holds as they are now.
     */
    public ConfirmedDisposition confirm(ApprovedDisposition approved, Iterable<RetainedRecord> current, Collection<LegalHold> legalHolds) {
        if (!approved.plan().planHash().equals(approved.planHash())) {
            throw new IllegalArgumentException("plan " + approved.plan().id() + " differs from the plan that was approved");
        }
        Instant now = clock.instant();
        List<LegalHold> active = legalHolds.stream().filter(LegalHold::isActive).toList();
        Map<String, RetainedRecord> byId = new HashMap<>();
        current.forEach(record -> byId.put(record.recordId(), record));
        List<PlannedDisposal> toDispose = new ArrayList<>();
        List<Withdrawal> withdrawn = new ArrayList<>();
        for (PlannedDisposal planned : approved.plan().disposals()) {
            RetainedRecord record = byId.get(planned.recordId());
            String reason = withdrawalReason(planned, record, active, now);
            if (reason == null) {
                toDispose.add(planned);
            } else {
                withdrawn.add(new Withdrawal(planned.recordId(), reason));
            }
        }
        return new ConfirmedDisposition(approved, toDispose, withdrawn);
    }

    private String withdrawalReason(PlannedDisposal planned, RetainedRecord record, List<LegalHold> active, Instant now) {
        if (record == null) {
            return "not in the archive any more";
        }
        if (!record.recordHash().equals(planned.recordHash())) {
            return "stored hash " + record.recordHash() + " is not the planned " + planned.recordHash();
        }
        if (!record.assignment().isExpiredAt(now)) {
            return "retention now runs until " + record.assignment().expiresOn() + " (" + record.assignment().retentionClass() + ")";
        }
        List<String> holdIds = holds.holdsCovering(active, record.facts());
        return holdIds.isEmpty() ? null : "held by " + String.join(", ", holdIds);
    }

    private static PlannedDisposal disposal(RetainedRecord record) {
        return new PlannedDisposal(record.recordId(), record.recordHash(), record.assignment().expiresOn(),
                record.assignment().retentionClass(), record.assignment().legalBasis());
    }
}
