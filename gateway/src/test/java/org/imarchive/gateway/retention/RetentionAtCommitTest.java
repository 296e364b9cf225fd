package org.imarchive.gateway.retention;

import org.imarchive.archive.model.ArchivedMessage;
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

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every committed record gets its retention from config/retention.yml through the committer's port: the longest
 * matching rule, with the business line and jurisdiction of the approved-account register.
 */
class RetentionAtCommitTest {
    private static final Path SHIPPED_POLICY = Path.of("..", "config", "retention.yml");

    @TempDir
    Path dir;
    private ArchiveFixture fixture;

    private ArchiveFixture archive(AccountRegister.RetentionFacts facts) {
        var dataSource = TestDatabases.h2(dir);
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var register = new AccountRegister(new JdbcTemplate(dataSource), new org.imarchive.archive.audit.AuditLog(dataSource, clock), clock);
        register.seed(Platform.WHATSAPP, SampleRecords.ACCOUNT, "jsmith", "tests", LocalDate.of(2027, 1, 1), "head.of.desk", "cco", "test", facts);
        RetentionPolicySet policy = RetentionPolicyLoader.load(SHIPPED_POLICY);
        fixture = new ArchiveFixture(dataSource, dir, clock, null, new PolicyRetentionSchedule(policy, register));
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void aMessageIsKeptSixYearsUnderFinraAndExpiresTheDayAfter() {
        ArchiveFixture archive = archive(new AccountRegister.RetentionFacts(null, "US"));
        ArchivedMessage message = SampleRecords.message("wamid.1", "+447700900123", "hello", Instant.parse("2020-03-15T23:59:59Z"));
        archive.store.commit(List.of(new Commit(message, false)), "test", 1);

        assertThat(archive.store.expiredOn(LocalDate.of(2026, 3, 15), 10)).isEmpty();
        RetainedRow row = archive.store.expiredOn(LocalDate.of(2026, 3, 16), 10).get(0);
        assertThat(row.retention().retentionClass()).isEqualTo("finra-4511-6y");
        assertThat(row.retention().expiresOn()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(row.retention().matchedRules()).containsExactly("sec-17a-4-b4-3y", "finra-4511-6y");
        assertThat(row.retention().policyVersion()).isEqualTo(1);
        assertThat(row.retention().jurisdiction()).isEqualTo("US");
    }

    @Test
    void theRegistersBusinessLineAndJurisdictionSelectTheLongerMifidRule() {
        ArchiveFixture archive = archive(new AccountRegister.RetentionFacts("eu-extended-retention", "EU"));
        ArchivedMessage message = SampleRecords.message("wamid.1", "+447700900123", "hello", Instant.parse("2024-02-29T10:00:00Z"));
        archive.store.commit(List.of(new Commit(message, false), new Commit(SampleRecords.delivery("wamid.1", "read", Instant.parse("2024-03-02T10:00:00Z")), false)),
                "test", 1);

        List<RetainedRow> rows = archive.store.expiredOn(LocalDate.of(2031, 3, 1), 10);
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.retention().retentionClass()).isEqualTo("mifid-ii-16-7-7y-on-request");
            // 29 February + 7 years is kept through 28 February 2031; the delivery counts from the message's sentAt
            assertThat(row.retention().expiresOn()).isEqualTo(LocalDate.of(2031, 3, 1));
        });
        assertThat(archive.store.expiredOn(LocalDate.of(2031, 2, 28), 10)).isEmpty();
    }
}
