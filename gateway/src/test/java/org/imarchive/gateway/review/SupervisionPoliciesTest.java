package org.imarchive.gateway.review;

import org.imarchive.gateway.support.TestFiles;
import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.audit.AuditQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start-up refuses a lexicon it cannot trust, and the set in force is on the audit trail once per change. */
class SupervisionPoliciesTest extends ReviewGatewayTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    Clock clock;

    @Test
    void theStarterSetIsRecordedWithItsVersionsAndHashes() {
        assertThat(jdbc.queryForList("select distinct policy_id from review_policy_version order by policy_id", String.class))
                .containsExactly("account-numbers", "complaints", "off-channel", "promissory-language", "secrecy-urgency");
        assertThat(audit.page(new AuditQuery("system", SupervisionPolicies.ACTION, null, null, null, 100)))
                .anySatisfy(entry -> assertThat(entry.details()).startsWith("5 policies").contains("off-channel version 1 sha256:"));
    }

    @Test
    void anUnchangedSetIsNotRecordedAgain() {
        policiesFrom(policiesDir).afterPropertiesSet();
        int recorded = audit.page(new AuditQuery("system", SupervisionPolicies.ACTION, null, null, null, 100)).size();
        policiesFrom(policiesDir).afterPropertiesSet();
        assertThat(audit.page(new AuditQuery("system", SupervisionPolicies.ACTION, null, null, null, 100))).hasSize(recorded);
    }

    @Test
    void aBadFileStopsStartUpWithFileLineAndReason() throws IOException {
        Path dir = TestFiles.tempDir("bad-policies");
        Files.writeString(dir.resolve("broken.yml"), "id: broken\nname: Broken\nversion: 1\nseverity: high\nrisk-score: 10\nrules:\n"
                + "  - id: r\n    regex: '(unclosed'\n");
        assertThatThrownBy(() -> policiesFrom(dir).afterPropertiesSet())
                .hasMessageContaining("gateway.supervision.policies-dir").hasMessageContaining("broken.yml line 8").hasMessageContaining("invalid regex");
    }

    @Test
    void aFileEditedWithoutANewVersionIsRefused() throws IOException {
        Path dir = TestFiles.tempDir("edited-policies");
        String offChannel = Files.readString(policiesDir.resolve("off-channel.yml"));
        Files.writeString(dir.resolve("off-channel.yml"), offChannel.replace("- my Gmail", "- my Proton"));
        assertThatThrownBy(() -> policiesFrom(dir).afterPropertiesSet())
                .hasMessageContaining("off-channel.yml").hasMessageContaining("version 1 was run before")
                .hasMessageContaining("Raise 'version'");
        Files.writeString(dir.resolve("off-channel.yml"), offChannel.replace("- my Gmail", "- my Proton").replace("version: 1", "version: 2"));
        policiesFrom(dir).afterPropertiesSet();
        assertThat(jdbc.queryForObject("select count(*) from review_policy_version where policy_id = 'off-channel'", Long.class)).isEqualTo(2);
    }

    @Test
    void aNamedDirectoryThatDoesNotExistStopsStartUp() {
        assertThatThrownBy(() -> policiesFrom(Path.of("no-such-policies")).afterPropertiesSet())
                .hasMessageContaining("gateway.supervision.policies-dir").hasMessageContaining("is not a directory");
    }

    private SupervisionPolicies policiesFrom(Path dir) {
        return new SupervisionPolicies(new ReviewProperties(dir, 0.05, Duration.ofDays(3)), jdbc, audit, clock);
    }
}
