package org.imarchive.retention.disposition;

import java.util.List;

/**
 * What may be destroyed now: the approved plan's records that are still expired, unheld and unchanged
 * ({@code toDispose}), and those withdrawn since approval, with the reason.
 */
public record ConfirmedDisposition(ApprovedDisposition approved, List<PlannedDisposal> toDispose, List<Withdrawal> withdrawn) {

    public ConfirmedDisposition {
        toDispose = List.copyOf(toDispose);
        withdrawn = List.copyOf(withdrawn);
    }
}
