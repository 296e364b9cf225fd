package org.imarchive.supervision.policy;

/**
 * A policy as evidence names it: the declared version a person bumps, and the hash of its content that the loader
 * computes. The hash proves which words were looked for; the version is what people talk about.
 *
 * @param contentHash {@code sha256:} and the hex SHA-256 of the policy's canonical content (everything but its version)
 */
public record PolicyRef(String id, int version, String contentHash) {

    /**
     * Whether this and a policy recorded earlier claim the same version with different content: someone edited the
     * file without bumping its version, and hits of the two would look alike while they were found by different rules.
     */
    public boolean contradicts(PolicyRef recorded) {
        return id.equals(recorded.id) && version == recorded.version && !contentHash.equals(recorded.contentHash);
    }
}
