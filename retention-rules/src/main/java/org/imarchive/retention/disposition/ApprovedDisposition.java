package org.imarchive.retention.disposition;

import java.time.Instant;

/** A plan with its approval; {@code planHash} is the hash of the plan as the approver saw it. */
public record ApprovedDisposition(DispositionPlan plan, String planHash, String approvedBy, Instant approvedAt) {
}
