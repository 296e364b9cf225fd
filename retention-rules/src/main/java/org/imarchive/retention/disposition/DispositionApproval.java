package org.imarchive.retention.disposition;

import java.time.Clock;
import java.util.Locale;
import java.util.Objects;

/**
 * Approval of a disposition plan. With four eyes on (the default a compliance team expects), the person who planned
 * it cannot approve it: destroying records takes two people. Four eyes can be turned off for a one-person firm; the
 * approval is then still recorded, by name.
 */
public final class DispositionApproval {

    private final boolean fourEyes;
    private final Clock clock;

    public DispositionApproval(boolean fourEyes, Clock clock) {
        this.fourEyes = fourEyes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ApprovedDisposition approve(DispositionPlan plan, String approver) {
        if (approver == null || approver.isBlank()) {
            throw new ApprovalRefusedException("a disposition plan is approved by a named user");
        }
        if (fourEyes && sameUser(approver, plan.plannedBy())) {
            throw new ApprovalRefusedException("four eyes: " + approver + " planned disposition " + plan.id()
                    + " and cannot also approve it; a second person must");
        }
        return new ApprovedDisposition(plan, plan.planHash(), approver.strip(), clock.instant());
    }

    /** User names compare without case and surrounding space, so {@code JSmith} is not a second person to {@code jsmith}. */
    private static boolean sameUser(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
