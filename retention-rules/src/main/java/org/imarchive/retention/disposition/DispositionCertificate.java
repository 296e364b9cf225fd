package org.imarchive.retention.disposition;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.imarchive.archive.ledger.HashChain;
import org.imarchive.archive.support.CanonicalJson;
import org.imarchive.archive.support.Sha256;

import java.time.Instant;
import java.util.List;

/**
 * The record of one disposition, kept after the records themselves are gone: every destroyed record, the plan and its
 * approval. Certificates form a chain: {@code certificateHash} = {@link HashChain#link}(previousHash, serial, SHA-256 of
 * this certificate's canonical JSON without its own hash), so removing, reordering or editing one breaks the chain.
 *
 * @param serial       1, 2, 3, ... without gaps
 * @param previousHash the previous certificate's hash, {@link HashChain#GENESIS} for the first
 */
public record DispositionCertificate(long serial, String id, String planId, String planHash, String plannedBy,
                                     String approvedBy, Instant approvedAt, Instant issuedAt, List<DisposedRecord> records,
                                     String previousHash, String certificateHash) {

    public DispositionCertificate {
        records = List.copyOf(records);
    }

    /** The canonical JSON an examiner receives; {@link #fromJson} reads it back. */
    public byte[] toJson() {
        return CanonicalJson.bytes(this);
    }

    public static DispositionCertificate fromJson(byte[] json) {
        return CanonicalJson.read(json, DispositionCertificate.class);
    }

    @JsonIgnore
    public boolean hashMatches() {
        return certificateHash != null && certificateHash.equals(computeHash());
    }

    /** This certificate with its hash computed over everything else in it. */
    DispositionCertificate sealed() {
        return new DispositionCertificate(serial, id, planId, planHash, plannedBy, approvedBy, approvedAt, issuedAt, records,
                previousHash, computeHash());
    }

    private String computeHash() {
        DispositionCertificate unsealed = new DispositionCertificate(serial, id, planId, planHash, plannedBy, approvedBy,
                approvedAt, issuedAt, records, previousHash, null);
        return HashChain.link(previousHash, Long.toString(serial), Sha256.hex(CanonicalJson.bytes(unsealed)));
    }
}
