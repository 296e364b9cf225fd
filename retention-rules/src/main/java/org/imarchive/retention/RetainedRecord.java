package org.imarchive.retention;

import org.imarchive.retention.hold.RecordFacts;
import org.imarchive.retention.policy.RetentionAssignment;

import java.util.Objects;

/**
 * An archived record as disposition and erasure see it: its id and stored hash, the retention it was given, and the
 * facts holds are matched on.
 *
 * @param recordHash the SHA-256 the store and ledger hold for the record, carried into plans and certificates
 */
public record RetainedRecord(String recordId, String recordHash, RetentionAssignment assignment, RecordFacts facts) {

    public RetainedRecord {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(recordHash, "recordHash");
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(facts, "facts");
    }
}
