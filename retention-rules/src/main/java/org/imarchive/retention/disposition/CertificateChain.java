package org.imarchive.retention.disposition;

import org.imarchive.archive.ledger.HashChain;
import org.imarchive.archive.support.Ids;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Issues disposition certificates onto the chain and verifies a chain as an examiner would. */
public final class CertificateChain {

    private CertificateChain() {
    }

    /**
     * The certificate for a carried-out disposition, chained to {@code previous} (null for the first). Issue it in the
     * same transaction that destroys the records: a disposition without its certificate cannot be proved afterwards.
     */
    public static DispositionCertificate issue(ConfirmedDisposition disposition, DispositionCertificate previous, Clock clock) {
        Instant now = clock.instant();
        ApprovedDisposition approved = disposition.approved();
        DispositionPlan plan = approved.plan();
        List<DisposedRecord> records = disposition.toDispose().stream()
                .map(r -> new DisposedRecord(r.recordId(), r.recordHash(), r.expiresOn(), r.retentionClass(), r.legalBasis(),
                        plan.id(), approved.approvedBy(), now))
                .toList();
        long serial = previous == null ? 1 : previous.serial() + 1;
        String previousHash = previous == null ? HashChain.GENESIS : previous.certificateHash();
        return new DispositionCertificate(serial, Ids.newId(now), plan.id(), approved.planHash(), plan.plannedBy(),
                approved.approvedBy(), approved.approvedAt(), now, records, previousHash, null).sealed();
    }

    /** Checks serials, links and hashes from the first certificate on; reports the first break. */
    public static ChainVerification verify(List<DispositionCertificate> chain) {
        String expectedPrevious = HashChain.GENESIS;
        long expectedSerial = 1;
        for (DispositionCertificate certificate : chain) {
            Objects.requireNonNull(certificate, "certificate");
            if (certificate.serial() != expectedSerial) {
                return ChainVerification.brokenAt(certificate.serial(), "serial " + certificate.serial() + " where " + expectedSerial + " was due");
            }
            if (!expectedPrevious.equals(certificate.previousHash())) {
                return ChainVerification.brokenAt(certificate.serial(), "does not link to the certificate before it");
            }
            if (!certificate.hashMatches()) {
                return ChainVerification.brokenAt(certificate.serial(), "content does not match its hash");
            }
            expectedPrevious = certificate.certificateHash();
            expectedSerial++;
        }
        return ChainVerification.intact(chain.size());
    }
}
