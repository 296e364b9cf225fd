package org.imarchive.archive.ledger;

import java.util.List;

/**
 * What a verification found. {@code problems} is in the order found, so the first one names the first broken record.
 */
public record VerificationReport(long ledgerEntries, long records, long blobs, long auditEntries, List<Problem> problems) {

    public record Problem(String kind, String subject, String detail) {
        @Override
        public String toString() {
            return subject + ": " + detail;
        }
    }

    public VerificationReport {
        problems = List.copyOf(problems);
    }

    public boolean intact() {
        return problems.isEmpty();
    }

    public String summary() {
        String counts = ledgerEntries + " ledger entries, " + records + " records, " + blobs + " blobs, " + auditEntries + " audit entries";
        return intact() ? "intact: " + counts
                : "BROKEN: first problem: " + problems.get(0) + " (" + problems.size() + " problem(s); checked " + counts + ")";
    }
}
