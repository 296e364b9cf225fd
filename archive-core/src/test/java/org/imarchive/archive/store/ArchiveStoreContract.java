package org.imarchive.archive.store;

import org.imarchive.archive.audit.AuditEvent;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.testing.ArchiveFixture;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.imarchive.archive.testing.SampleRecords.T0;
import static org.imarchive.archive.testing.SampleRecords.deletion;
import static org.imarchive.archive.testing.SampleRecords.delivery;
import static org.imarchive.archive.testing.SampleRecords.edit;
import static org.imarchive.archive.testing.SampleRecords.message;

/**
 * What every archive store must do, whatever database is under it. Each adapter's test implements {@link #fixture()}.
 */
public interface ArchiveStoreContract {

    ArchiveFixture fixture();

    private static List<CommitOutcome> commit(ArchiveFixture fixture, long sequence, ArchiveRecord... records) {
        return fixture.store.commit(java.util.Arrays.stream(records).map(r -> new Commit(r, false)).toList(), "test", sequence);
    }

    @Test
    default void duplicateRecordIsArchivedOnce() {
        ArchiveFixture fixture = fixture();
        var original = message("SM1", "+4479", "Hello", T0);
        assertThat(commit(fixture, 1, original).get(0).duplicate()).isFalse();
        List<CommitOutcome> again = commit(fixture, 2, original, original);
        assertThat(again).allMatch(CommitOutcome::duplicate);
        assertThat(fixture.store.messageCount()).isEqualTo(1);
        assertThat(fixture.store.message(again.get(0).messageId()).orElseThrow().records()).hasSize(1);
    }

    @Test
    default void editsAreNewVersionsAndTheOriginalStays() {
        ArchiveFixture fixture = fixture();
        String id = commit(fixture, 1, message("SM2", "+4479", "I guarantee 5%", T0)).get(0).messageId();
        commit(fixture, 2, edit("SM2", "I expect 5%", T0.plusSeconds(60)), deletion("SM2", T0.plusSeconds(120)),
                delivery("SM2", "read", T0.plusSeconds(30)));

        StoredMessage stored = fixture.store.message(id).orElseThrow();
        assertThat(stored.versions()).extracting(StoredRecord::versionNumber).containsExactly(1, 2);
        assertThat(StoredMessage.contentOf(stored.versions().get(0)).text()).isEqualTo("I guarantee 5%");
        assertThat(stored.currentContent().orElseThrow().text()).isEqualTo("I expect 5%");
        assertThat(stored.deletion()).isPresent();
        assertThat(stored.deliveries()).extracting(d -> d.status()).containsExactly("read");
    }

    @Test
    default void editBeforeItsOriginalIsKeptAndJoinedLater() {
        ArchiveFixture fixture = fixture();
        String placeholder = commit(fixture, 1, edit("SM3", "edited first", T0.plusSeconds(5))).get(0).messageId();
        String joined = commit(fixture, 2, message("SM3", "+4479", "original", T0)).get(0).messageId();
        assertThat(joined).isEqualTo(placeholder);
        StoredMessage stored = fixture.store.message(joined).orElseThrow();
        assertThat(stored.original()).isPresent();
        assertThat(stored.versions()).extracting(StoredRecord::versionNumber).containsExactlyInAnyOrder(1, 2);
        assertThat(stored.currentContent().orElseThrow().text()).isEqualTo("edited first");
    }

    @Test
    default void retrievedMediaResolvesThePendingAttachmentWithoutRewritingTheMessage() {
        ArchiveFixture fixture = fixture();
        var captured = message("MM1", "+4479", "photo", T0);
        var withPhoto = new org.imarchive.archive.model.ArchivedMessage(captured.id(), captured.messageKey(), captured.channel(),
                captured.platformConversationId(), captured.direction(), captured.sender(), captured.recipients(), captured.sentAt(),
                captured.capturedAt(), captured.content().withAttachments(List.of(
                org.imarchive.archive.model.Attachment.pending("https://media/ME1", "photo.jpg", "image/jpeg"))),
                null, null, captured.provenance());
        String id = commit(fixture, 1, withPhoto).get(0).messageId();
        String sha = fixture.store.putBlob(new ByteArrayInputStream("jpeg bytes".getBytes(StandardCharsets.UTF_8)), "image/jpeg");
        commit(fixture, 2, new org.imarchive.archive.model.MediaRetrieved("media-1", withPhoto.messageKey(), "https://media/ME1", sha, 10,
                "image/jpeg", T0.plusSeconds(3), new org.imarchive.archive.model.Provenance(org.imarchive.archive.model.Provenance.Source.FETCH, 2, null, null)));

        StoredMessage stored = fixture.store.message(id).orElseThrow();
        assertThat(StoredMessage.contentOf(stored.versions().get(0)).attachments().get(0).state())
                .as("the record as captured is unchanged").isEqualTo(org.imarchive.archive.model.Attachment.State.PENDING);
        assertThat(stored.currentContent().orElseThrow().attachments().get(0).sha256()).isEqualTo(sha);
        assertThat(fixture.verifier.verify().intact()).isTrue();
    }

    @Test
    default void checkpointCommitsWithTheBatch() {
        ArchiveFixture fixture = fixture();
        assertThat(fixture.store.checkpoint("test")).isZero();
        commit(fixture, 7, message("SM4", "+4479", "x", T0));
        assertThat(fixture.store.checkpoint("test")).isEqualTo(7);
        commit(fixture, 5);
        assertThat(fixture.store.checkpoint("test")).as("a checkpoint never moves back").isEqualTo(7);
    }

    @Test
    default void conversationListsMessagesInTimeOrder() {
        ArchiveFixture fixture = fixture();
        commit(fixture, 1, message("B", "+4479", "second", T0.plusSeconds(10)), message("A", "+4479", "first", T0),
                message("C", "+4470", "elsewhere", T0));
        String conversationId = JdbcArchiveStore.conversationIdOf(org.imarchive.archive.model.Platform.WHATSAPP,
                org.imarchive.archive.testing.SampleRecords.ACCOUNT, "+4479");
        assertThat(fixture.store.conversation(conversationId, 0, 10))
                .extracting(m -> m.currentContent().orElseThrow().text()).containsExactly("first", "second");
    }

    @Test
    default void verifyPassesOnAnIntactArchive() {
        ArchiveFixture fixture = fixture();
        commit(fixture, 1, message("V1", "+4479", "one", T0), edit("V1", "two", T0.plusSeconds(1)));
        fixture.store.putBlob(new ByteArrayInputStream("a photo".getBytes(StandardCharsets.UTF_8)), "image/jpeg");
        fixture.audit.record(AuditEvent.success("alice", "search", "q=guarantee"));
        var report = fixture.verifier.verify();
        assertThat(report.problems()).isEmpty();
        assertThat(report.records()).isEqualTo(2);
        assertThat(report.blobs()).isEqualTo(1);
        assertThat(report.auditEntries()).isEqualTo(1);
    }

    @Test
    default void flippedByteInAStoredRecordIsNamed() throws Exception {
        ArchiveFixture fixture = fixture();
        commit(fixture, 1, message("F1", "+4479", "untouched", T0));
        String victim = commit(fixture, 2, message("F2", "+4479", "tampered", T0)).get(0).recordId();
        flipByteIn(fixture.packs.directory().resolve("pack-00000001.dat"), locate(fixture, victim) + 20);
        var report = fixture.verifier.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problems().get(0).subject()).isEqualTo("record " + victim);
    }

    @Test
    default void flippedByteInABlobIsNamed() throws Exception {
        ArchiveFixture fixture = fixture();
        String sha = fixture.store.putBlob(new ByteArrayInputStream("statement.pdf bytes".getBytes(StandardCharsets.UTF_8)), "application/pdf");
        Path file = fixture.dataDir.resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        file.toFile().setWritable(true);
        flipByteIn(file, 3);
        var report = fixture.verifier.verify();
        assertThat(report.problems()).extracting(p -> p.subject()).containsExactly("blob " + sha);
    }

    @Test
    default void alteredLedgerEntryIsNamed() throws Exception {
        ArchiveFixture fixture = fixture();
        commit(fixture, 1, message("L1", "+4479", "a", T0), message("L2", "+4479", "b", T0));
        try (Connection connection = fixture.dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("update ledger_entry set recorded_at = recorded_at + interval '1' second where serial = 2");
        }
        var report = fixture.verifier.verify();
        assertThat(report.problems().get(0).subject()).isEqualTo("ledger entry 2");
    }

    @Test
    default void alteredAuditEntryIsNamed() throws Exception {
        ArchiveFixture fixture = fixture();
        fixture.audit.record(AuditEvent.success("alice", "search", "q=one"));
        fixture.audit.record(AuditEvent.success("alice", "view", "message 1"));
        fixture.audit.record(AuditEvent.success("alice", "export", "matter 7"));
        try (Connection connection = fixture.dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("update audit_entry set actor = ? where serial = 2")) {
            statement.setString(1, "mallory");
            statement.executeUpdate();
        }
        var report = fixture.verifier.verify();
        assertThat(report.problems()).extracting(p -> p.subject()).containsExactly("audit entry 2");
    }

    @Test
    default void recordThatVanishedIsNamed() throws Exception {
        ArchiveFixture fixture = fixture();
        String victim = commit(fixture, 1, message("D1", "+4479", "gone", T0)).get(0).recordId();
        try (Connection connection = fixture.dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("delete from archive_record where record_id = ?")) {
            statement.setString(1, victim);
            statement.executeUpdate();
        }
        var report = fixture.verifier.verify();
        assertThat(report.problems().get(0).subject()).isEqualTo("record " + victim);
        assertThat(report.problems().get(0).detail()).contains("no tombstone");
    }

    private static long locate(ArchiveFixture fixture, String recordId) throws Exception {
        try (Connection connection = fixture.dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select pack_offset from archive_record where record_id = ?")) {
            statement.setString(1, recordId);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static void flipByteIn(Path file, long offset) throws Exception {
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            var one = java.nio.ByteBuffer.allocate(1);
            channel.read(one, offset);
            one.flip();
            byte flipped = (byte) (one.get(0) ^ 0x01);
            channel.write(java.nio.ByteBuffer.wrap(new byte[]{flipped}), offset);
        }
        assertThat(Files.exists(file)).isTrue();
    }
}
