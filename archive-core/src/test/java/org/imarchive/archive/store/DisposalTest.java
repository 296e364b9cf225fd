package org.imarchive.archive.store;

import org.imarchive.archive.crypto.DataKeys;
import org.imarchive.archive.crypto.MasterKey;
import org.imarchive.archive.crypto.WrongMasterKeyException;
import org.imarchive.archive.ledger.ArchiveVerifier;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.MediaRetrieved;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.support.CanonicalJson;
import org.imarchive.archive.support.Ids;
import org.imarchive.archive.support.Sha256;
import org.imarchive.archive.testing.ArchiveFixture;
import org.imarchive.archive.testing.SampleRecords;
import org.imarchive.archive.testing.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Encryption at rest and disposal through the embedded store: sealed pack bytes with the ledger over the plaintext,
 * a clear refusal of a wrong master key, no removal before expiry, crypto-shredding with tombstones that {@code verify}
 * accepts, and a record gone without one that it still flags.
 */
class DisposalTest {
    /** Ten days from the message's UTC date, the first day it may go being the day after the last one kept. */
    private static final RetentionSchedule TEN_DAYS = question -> new RecordRetention("test-10d", "test basis",
            LocalDate.ofInstant(question.recordTime(), ZoneOffset.UTC).plusDays(11), 1, "sha256:test", List.of("test-10d"),
            question.kind(), null, null, question.recordTime());
    private static final Instant SENT = SampleRecords.T0;
    private static final LocalDate EXPIRES_ON = LocalDate.of(2026, 3, 13);

    @TempDir
    Path dir;
    private ArchiveFixture fixture;

    private ArchiveFixture archive(MasterKey masterKey) {
        fixture = new ArchiveFixture(TestDatabases.h2(dir), dir, Clock.systemUTC(), masterKey, TEN_DAYS);
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void recordBytesAreSealedWhileTheLedgerVouchesForThePlaintext() throws Exception {
        ArchiveFixture archive = archive(MasterKey.generate());
        ArchivedMessage message = SampleRecords.message("wamid.1", "+447700900123", "the quarterly numbers are out", SENT);
        archive.store.commit(List.of(new Commit(message, false)), "test", 1);

        assertThat(packBytes()).doesNotContain("quarterly numbers");
        assertThat(ledgerHashOf(message.id())).isEqualTo(Sha256.hex(CanonicalJson.bytes(message)));
        assertThat(archive.store.message(message.id()).orElseThrow().original()).contains(message);
        assertThat(archive.verifier.verify().intact()).isTrue();
    }

    @Test
    void aWrongMasterKeyIsAClearErrorNotGarbage() {
        ArchiveFixture archive = archive(MasterKey.generate());
        archive.store.commit(List.of(new Commit(SampleRecords.message("wamid.1", "+447700900123", "hello", SENT), false)), "test", 1);
        DataKeys wrong = new DataKeys(archive.dataSource, MasterKey.generate(), Clock.systemUTC());

        assertThatThrownBy(wrong::checkMasterKey).isInstanceOf(WrongMasterKeyException.class)
                .hasMessageContaining("gateway.archive.encryption.master-key");
        var report = new ArchiveVerifier(archive.dataSource, archive.packs, archive.blobs, wrong).verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.summary()).contains("master key");
    }

    @Test
    void nothingIsRemovedBeforeItsExpiry() {
        ArchiveFixture archive = archive(MasterKey.generate());
        ArchivedMessage message = SampleRecords.message("wamid.1", "+447700900123", "hello", SENT);
        archive.store.commit(List.of(new Commit(message, false)), "test", 1);

        assertThatThrownBy(() -> archive.store.dispose(List.of(message.id()), EXPIRES_ON.minusDays(1)))
                .isInstanceOf(RecordNotDisposableException.class).hasMessageContaining("under retention until 2026-03-12");
        assertThat(archive.store.expiredOn(EXPIRES_ON.minusDays(1), 10)).isEmpty();
        assertThat(archive.store.message(message.id())).isPresent();
        assertThat(archive.verifier.verify().intact()).isTrue();
    }

    @Test
    void disposalShredsTheKeyLeavesTombstonesAndVerifyStillPasses() throws Exception {
        ArchiveFixture archive = archive(MasterKey.generate());
        ArchivedMessage message = SampleRecords.message("wamid.1", "+447700900123", "hello", SENT);
        var delivery = SampleRecords.delivery("wamid.1", "read", SENT.plusSeconds(60));
        archive.store.commit(List.of(new Commit(message, false), new Commit(delivery, false)), "test", 1);
        List<RetainedRow> expired = archive.store.expiredOn(EXPIRES_ON, 10);
        assertThat(expired).extracting(RetainedRow::recordId).containsExactlyInAnyOrder(message.id(), delivery.id());
        assertThat(expired.get(0).participants()).contains("+447700900123");

        var tombstones = archive.store.dispose(expired.stream().map(RetainedRow::recordId).toList(), EXPIRES_ON);

        assertThat(tombstones).extracting(RetentionCatalog.Tombstone::sha256).contains(Sha256.hex(CanonicalJson.bytes(message)));
        assertThat(archive.store.message(message.id())).isEmpty();
        assertThat(archive.keys.key(message.id())).isEmpty();
        assertThat(archive.keys.destroyed(message.id())).isTrue();
        assertThat(archive.store.participantIds()).isEmpty();
        assertThat(archive.verifier.verify().summary()).startsWith("intact");
        assertThatThrownBy(() -> archive.store.dispose(List.of(message.id()), EXPIRES_ON))
                .isInstanceOf(RecordNotDisposableException.class).hasMessageContaining("disposed of already");
    }

    @Test
    void verifyFlagsARecordThatVanishedWithoutATombstone() throws Exception {
        ArchiveFixture archive = archive(MasterKey.generate());
        ArchivedMessage kept = SampleRecords.message("wamid.1", "+447700900123", "hello", SENT);
        ArchivedMessage vanished = SampleRecords.message("wamid.2", "+447700900123", "again", SENT.plusSeconds(1));
        archive.store.commit(List.of(new Commit(kept, false), new Commit(vanished, false)), "test", 1);
        archive.store.dispose(List.of(kept.id()), EXPIRES_ON);
        execute(archive.dataSource, "delete from archive_record where record_id = '" + vanished.id() + "'");

        var report = archive.verifier.verify();
        assertThat(report.problems()).hasSize(1);
        assertThat(report.summary()).contains("record " + vanished.id()).contains("no tombstone");
    }

    @Test
    void aBlobGoesOnlyWhenNoLiveRecordUsesIt() {
        ArchiveFixture archive = archive(MasterKey.generate());
        String sha = archive.store.putBlob(new ByteArrayInputStream("one photo".getBytes(StandardCharsets.UTF_8)), "image/jpeg");
        MediaRetrieved first = media("wamid.1", sha, SENT);
        MediaRetrieved second = media("wamid.2", sha, SENT.plus(java.time.Duration.ofDays(30)));
        archive.store.commit(List.of(new Commit(first, false), new Commit(second, false)), "test", 1);

        archive.store.dispose(List.of(first.id()), EXPIRES_ON);
        assertThat(archive.blobs.verify(sha)).isTrue();

        archive.store.dispose(List.of(second.id()), EXPIRES_ON.plusDays(30));
        assertThat(archive.blobs.exists(sha)).isFalse();
        assertThat(archive.keys.destroyed("blob:" + sha)).isTrue();
        assertThat(archive.verifier.verify().summary()).startsWith("intact");
    }

    @Test
    void aDisposalThatRollsBackLeavesTheBlobAndItsKey() throws Exception {
        ArchiveFixture archive = archive(MasterKey.generate());
        String sha = archive.store.putBlob(new ByteArrayInputStream("one photo".getBytes(StandardCharsets.UTF_8)), "image/jpeg");
        MediaRetrieved media = media("wamid.1", sha, SENT);
        archive.store.commit(List.of(new Commit(media, false)), "test", 1);
        execute(archive.dataSource, "alter table ledger_entry add constraint no_tombstones check (entry_type <> 'tombstone')");

        assertThatThrownBy(() -> archive.store.dispose(List.of(media.id()), EXPIRES_ON)).isInstanceOf(IllegalStateException.class);

        assertThat(archive.blobs.verify(sha)).isTrue();
        assertThat(archive.keys.destroyed("blob:" + sha)).isFalse();
        assertThat(archive.verifier.verify().summary()).startsWith("intact");
    }

    @Test
    void filesLeftWhenTheDisposalCommittedAreErasedAtTheNextStart() throws Exception {
        ArchiveFixture archive = archive(null);
        String sha = archive.store.putBlob(new ByteArrayInputStream("one photo".getBytes(StandardCharsets.UTF_8)), "image/jpeg");
        MediaRetrieved media = media("wamid.1", sha, SENT);
        ArchivedMessage message = SampleRecords.message("wamid.2", "+447700900123", "the quarterly numbers are out", SENT);
        archive.store.commit(List.of(new Commit(media, false), new Commit(message, false)), "test", 1);
        // the pack cannot be written when the disposal commits, as if the process had died right after the commit
        Path pack;
        try (Stream<Path> packs = Files.list(dir.resolve("records"))) {
            pack = packs.findFirst().orElseThrow();
        }
        Path away = dir.resolve("pack-away");
        Files.move(pack, away);

        var tombstones = archive.store.dispose(List.of(media.id(), message.id()), EXPIRES_ON);
        Files.move(away, pack);

        assertThat(tombstones).extracting(RetentionCatalog.Tombstone::subjectId).contains(media.id(), message.id(), sha);
        assertThat(packBytes()).contains("quarterly numbers");
        assertThat(archive.blobs.exists(sha)).isTrue();
        assertThat(archive.verifier.verify().summary()).startsWith("intact");

        archive.close();
        ArchiveFixture restarted = archive(null);
        assertThat(restarted.store.finishPendingErasures()).isZero();

        assertThat(packBytes()).doesNotContain("quarterly numbers").doesNotContain("+447700900123");
        assertThat(restarted.blobs.exists(sha)).isFalse();
        assertThat(restarted.verifier.verify().summary()).startsWith("intact");
    }

    @Test
    void contentThatArrivesAgainBeforeTheDisposedFileIsDeletedIsKept() throws Exception {
        ArchiveFixture archive = archive(MasterKey.generate());
        byte[] photo = "one photo".getBytes(StandardCharsets.UTF_8);
        String sha = archive.store.putBlob(new ByteArrayInputStream(photo), "image/jpeg");
        MediaRetrieved first = media("wamid.1", sha, SENT);
        archive.store.commit(List.of(new Commit(first, false)), "test", 1);
        // a crash right after the disposal committed: the key is destroyed, the file and its erasure still listed
        byte[] sealedFile = Files.readAllBytes(archive.blobs.pathOf(sha));
        archive.store.dispose(List.of(first.id()), EXPIRES_ON);
        Files.write(archive.blobs.pathOf(sha), sealedFile);
        execute(archive.dataSource, "insert into pending_erasure (kind, target) values ('blob', '" + sha + "')");
        assertThat(archive.blobs.exists(sha)).as("the deletion is pending").isTrue();

        assertThat(archive.store.putBlob(new ByteArrayInputStream(photo), "image/jpeg")).isEqualTo(sha);
        MediaRetrieved again = media("wamid.2", sha, SENT.plusSeconds(60));
        archive.store.commit(List.of(new Commit(again, false)), "test", 2);
        assertThat(archive.store.finishPendingErasures()).isZero();

        assertThat(archive.blobs.verify(sha)).isTrue();
        assertThat(archive.verifier.verify().summary()).startsWith("intact");
    }

    @Test
    void withoutEncryptionDisposalOverwritesThePackBytesWithZeros() throws Exception {
        ArchiveFixture archive = archive(null);
        ArchivedMessage message = SampleRecords.message("wamid.1", "+447700900123", "the quarterly numbers are out", SENT);
        archive.store.commit(List.of(new Commit(message, false)), "test", 1);
        assertThat(packBytes()).contains("quarterly numbers");

        archive.store.dispose(List.of(message.id()), EXPIRES_ON);

        assertThat(packBytes()).doesNotContain("quarterly numbers").doesNotContain("+447700900123");
        assertThat(archive.verifier.verify().summary()).startsWith("intact");
    }

    private static MediaRetrieved media(String platformMessageId, String sha, Instant at) {
        return new MediaRetrieved(Ids.stableId(at, "media|" + platformMessageId), SampleRecords.key(platformMessageId), "media-" + platformMessageId,
                sha, 9, "image/jpeg", at, Provenance.webhook(5));
    }

    private String packBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> packs = Files.list(dir.resolve("records"))) {
            for (Path pack : packs.toList()) {
                all.append(new String(Files.readAllBytes(pack), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private String ledgerHashOf(String recordId) throws Exception {
        try (var connection = fixture.dataSource.getConnection();
             var select = connection.prepareStatement("select subject_hash from ledger_entry where subject_id = ?")) {
            select.setString(1, recordId);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private static void execute(DataSource dataSource, String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
