package org.imarchive.gateway.review;

import org.imarchive.archive.support.Jdbc;
import org.imarchive.supervision.policy.LexiconPolicy;
import org.imarchive.supervision.policy.PolicyRef;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every policy version the gateway has ever run, with its content hash ({@code review_policy_version}). A file whose
 * content changed while its version stayed is refused: hits under "off-channel version 1" must mean one set of words.
 */
final class PolicyVersions {
    private final JdbcTemplate jdbc;

    PolicyVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Refuses the set if any policy contradicts what was recorded; records the versions not seen before. */
    void recordOrRefuse(List<LexiconPolicy> policies, Instant now) {
        for (LexiconPolicy policy : policies) {
            recorded(policy.id(), policy.version()).filter(policy.ref()::contradicts).ifPresent(earlier -> {
                throw new IllegalStateException("gateway.supervision.policies-dir: " + policy.source() + ": policy '" + policy.id()
                        + "' version " + policy.version() + " was run before with content " + earlier.contentHash()
                        + " and now has " + policy.ref().contentHash() + ": its content changed without a new version."
                        + " Raise 'version' in the file (hits must name the words they were found by), or restore the file.");
            });
        }
        for (LexiconPolicy policy : policies) {
            if (recorded(policy.id(), policy.version()).isEmpty()) {
                jdbc.update("insert into review_policy_version (policy_id, version, content_hash, source, first_loaded_at) values (?,?,?,?,?)",
                        policy.id(), policy.version(), policy.contentHash(), policy.source(), Jdbc.timestamp(now));
            }
        }
    }

    private Optional<PolicyRef> recorded(String id, int version) {
        return jdbc.query("select content_hash from review_policy_version where policy_id = ? and version = ?",
                (rows, i) -> new PolicyRef(id, version, rows.getString(1)), id, version).stream().findFirst();
    }
}
