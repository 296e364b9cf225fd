package org.imarchive.retention.erasure;

import org.imarchive.retention.RetainedRecord;
import org.imarchive.retention.hold.HoldEvaluator;
import org.imarchive.retention.hold.LegalHold;
import org.imarchive.retention.policy.RetentionAssignment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Evaluates a GDPR Art. 17 request against the archive's duties. A record is erasable only when no retention duty is
 * left (its expiry has passed) and no active hold covers it; otherwise it is kept, with each exemption recorded.
 * GDPR gives no retention duty of its own: it yields to the rules that do.
 */
public final class ErasureEvaluator {

    private final HoldEvaluator holds;

    public ErasureEvaluator(HoldEvaluator holds) {
        this.holds = Objects.requireNonNull(holds, "holds");
    }

    public ErasureAnswer evaluate(DataSubject dataSubject, Collection<RetainedRecord> records, Collection<LegalHold> legalHolds, Clock clock) {
        Instant now = clock.instant();
        List<LegalHold> active = legalHolds.stream().filter(LegalHold::isActive).toList();
        Map<String, LegalHold> holdsById = active.stream().collect(Collectors.toMap(LegalHold::id, Function.identity()));
        List<String> erasable = new ArrayList<>();
        List<ErasureAnswer.KeptRecord> kept = new ArrayList<>();
        List<String> notTheSubjects = new ArrayList<>();
        for (RetainedRecord record : records) {
            if (Collections.disjoint(record.facts().participants(), dataSubject.platformIds())) {
                notTheSubjects.add(record.recordId());
                continue;
            }
            List<ErasureGround> grounds = new ArrayList<>();
            RetentionAssignment retention = record.assignment();
            if (!retention.isExpiredAt(now)) {
                grounds.add(new ErasureGround(ErasureGround.Exemption.LEGAL_OBLIGATION, retention.legalBasis(),
                        retention.retentionClass(), retention.expiresOn().minusDays(1)));
            }
            for (String holdId : holds.holdsCovering(active, record.facts())) {
                grounds.add(new ErasureGround(ErasureGround.Exemption.LEGAL_CLAIMS, "legal hold, matter: " + holdsById.get(holdId).matter(),
                        holdId, null));
            }
            if (grounds.isEmpty()) {
                erasable.add(record.recordId());
            } else {
                kept.add(new ErasureAnswer.KeptRecord(record.recordId(), record.recordHash(), grounds));
            }
        }
        return new ErasureAnswer(dataSubject.reference(), now, erasable, kept, notTheSubjects);
    }
}
