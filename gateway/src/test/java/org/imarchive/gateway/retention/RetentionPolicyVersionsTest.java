package org.imarchive.gateway.retention;

import org.imarchive.archive.audit.AuditLog;
import org.imarchive.archive.audit.AuditQuery;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.store.Commit;
import org.imarchive.archive.store.RetainedRow;
import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.SampleRecords;
import org.imarchive.archive.testing.TestDatabases;
import org.imarchive.gateway.accounts.AccountRegister;
import org.imarchive.retention.policy.RetentionPolicyLoader;
import org.imarchive.retention.policy.RetentionPolicySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A new policy version re-evaluates the archive: extends what it keeps longer, never shortens (compliance mode), is
 * audited with its tally, and is refused when it is older or changes content under the same number.
 */
class RetentionPolicyVersionsTest {
    private static final Instant SENT = Instant.parse("2020-03-15T12:00:00Z");

    @TempDir
    Path dir;
    private ArchiveFixture fixture;
    private DataSource dataSource;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private AccountRegister register;
    private AuditLog audit;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aNewVersionExtendsArchivedRecordsButNeverShortensThem() throws Exception {
        String v1 = Files.readString(Path.of("..", "config", "retention.yml"));
        RetentionConfiguration.PolicyText first = new RetentionConfiguration.PolicyText("retention.yml", v1);
        archiveUnder(first).store.commit(List.of(new Commit(SampleRecords.message("wamid.1", "+447700900123", "hello", SENT), false)), "test", 1);
        assertThat(expiry()).isEqualTo(LocalDate.of(2026, 3, 16));

        String sevenYears = v1.replace("version: 1", "version: 2").replace("keep: { years: 6 }", "keep: { years: 7 }");
        versions(new RetentionConfiguration.PolicyText("retention.yml", sevenYears)).run(null);
        assertThat(expiry()).isEqualTo(LocalDate.of(2027, 3, 16));

        String fiveYears = v1.replace("version: 1", "version: 3").replace("keep: { years: 6 }", "keep: { years: 5 }");
        versions(new RetentionConfiguration.PolicyText("retention.yml", fiveYears)).run(null);
        assertThat(expiry()).as("a shorter rule never shortens an archived record").isEqualTo(LocalDate.of(2027, 3, 16));

        var entries = audit.page(new AuditQuery(null, "retention.reevaluate", null, null, null, 10));
        assertThat(entries).extracting(entry -> entry.details()).anySatisfy(details -> assertThat(details).contains("v1 -> v2: extended {finra-4511-6y=1}"))
                .anySatisfy(details -> assertThat(details).contains("v2 -> v3").contains("kept at their longer expiry {finra-4511-6y=1}"));

        String edited = fiveYears.replace("keep: { years: 5 }", "keep: { years: 4 }");
        assertThatThrownBy(() -> versions(new RetentionConfiguration.PolicyText("retention.yml", edited)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kept version 3");
        assertThatThrownBy(() -> versions(first)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("older than the version 3");
    }

    private ArchiveFixture archiveUnder(RetentionConfiguration.PolicyText text) {
        dataSource = TestDatabases.h2(dir);
        audit = new AuditLog(dataSource, clock);
        register = new AccountRegister(new JdbcTemplate(dataSource), audit, clock);
        register.seed(Platform.WHATSAPP, SampleRecords.ACCOUNT, "jsmith", "tests", LocalDate.of(2027, 1, 1), "head.of.desk", "cco", "test",
                new AccountRegister.RetentionFacts(null, null));
        RetentionPolicySet policy = RetentionPolicyLoader.parse(text.source(), text.yaml());
        fixture = new ArchiveFixture(dataSource, dir, clock, null, new PolicyRetentionSchedule(policy, register));
        versions(text);
        return fixture;
    }

    private RetentionPolicyVersions versions(RetentionConfiguration.PolicyText text) {
        return new RetentionPolicyVersions(new JdbcTemplate(dataSource), fixture == null ? null : fixture.store,
                RetentionPolicyLoader.parse(text.source(), text.yaml()), text, audit, clock);
    }

    private LocalDate expiry() {
        List<RetainedRow> rows = fixture.store.expiredOn(LocalDate.of(2100, 1, 1), 10);
        assertThat(rows).hasSize(1);
        return rows.get(0).retention().expiresOn();
    }
}
