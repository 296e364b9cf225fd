package org.imarchive.retention.disposition;

import org.imarchive.archive.support.CanonicalJson;
import org.imarchive.archive.support.Sha256;

import java.time.Instant;
import java.util.List;

/**
 * A dry run of disposition, for review before anything is destroyed: the expired records it proposes, the expired
 * records legal holds keep back (with the holds), and how many records were not yet expired.
 *
 * @param asOf the clock reading expiry was judged against
 */
public record DispositionPlan(String id, String plannedBy, Instant asOf, List<PlannedDisposal> disposals,
                              List<HeldBackRecord> heldBack, long notYetExpired) {

    public DispositionPlan {
        disposals = List.copyOf(disposals);
        heldBack = List.copyOf(heldBack);
    }

    /** SHA-256 of the plan's canonical JSON: what an approver signs off is exactly what was reviewed. */
    public String planHash() {
        return Sha256.hex(CanonicalJson.bytes(this));
    }
}
