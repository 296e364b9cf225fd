package org.imarchive.retention.disposition;

/**
 * The result of verifying a certificate chain.
 *
 * @param brokenSerial the serial of the first certificate that fails, or 0 when the chain is intact
 */
public record ChainVerification(boolean intact, int certificates, long brokenSerial, String problem) {

    static ChainVerification intact(int certificates) {
        return new ChainVerification(true, certificates, 0, null);
    }

    static ChainVerification brokenAt(long serial, String problem) {
        return new ChainVerification(false, 0, serial, problem);
    }
}
