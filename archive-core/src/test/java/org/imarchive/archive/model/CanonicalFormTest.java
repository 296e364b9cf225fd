package org.imarchive.archive.model;

import nl.jqno.equalsverifier.EqualsVerifier;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.support.CanonicalJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The canonical JSON form is what is hashed and kept for years: it must not drift. Each record type is compared with
 * a golden file byte for byte, and read back to an equal value.
 */
class CanonicalFormTest {
    static final Instant SENT = Instant.parse("2026-03-02T09:15:00Z");
    static final MessageKey KEY = new MessageKey(Platform.WHATSAPP, "+15550001111", "SM0123456789abcdef0123456789abcdef");

    static ArchivedMessage fullMessage() {
        TreeMap<String, String> details = new TreeMap<>(Map.of("MessagingServiceSid", "MG00000000000000000000000000000000"));
        MessageContent content = new MessageContent(MessageKind.MEDIA, "Grüße — statement attached\nsecond line 👍",
                List.of(Attachment.pending("https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1", "statement.pdf", "application/pdf")
                        .stored("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1234)),
                new Location(51.5074, -0.1278, "Office", "1 Bank St, London"), details);
        return new ArchivedMessage("0194f5a0-1b2c-7d3e-8f40-123456789abc", KEY, Channel.TWILIO, "+447700900123", Direction.INBOUND,
                new Participant("+447700900123", "Jörg Müller"), List.of(Participant.of("+15550001111")), SENT, SENT.plusMillis(250),
                content, "SM00000000000000000000000000000000", new Forward(null, null, null, true),
                new Provenance(Provenance.Source.WEBHOOK, 42, null, null));
    }

    static List<ArchiveRecord> everyRecordType() {
        return List.of(fullMessage(),
                new MessageEdit("0194f5a0-1b2c-7d3e-8f40-000000000002", KEY, "wamid.EDIT", SENT.plusSeconds(60), SENT.plusSeconds(61),
                        MessageContent.text("corrected"), Provenance.webhook(43)),
                new MessageDeletion("0194f5a0-1b2c-7d3e-8f40-000000000003", KEY, null, SENT.plusSeconds(120), Provenance.webhook(44)),
                new DeliveryEvent("0194f5a0-1b2c-7d3e-8f40-000000000004", KEY, "READ", SENT.plusSeconds(30), SENT.plusSeconds(31),
                        null, null, Provenance.webhook(45)),
                new MediaRetrieved("0194f5a0-1b2c-7d3e-8f40-000000000005", KEY,
                        "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1",
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 1234, "application/pdf", SENT.plusSeconds(5),
                        new Provenance(Provenance.Source.FETCH, 42, null, null)));
    }

    @Test
    void everyRecordTypeMatchesItsGoldenFile() throws IOException {
        for (ArchiveRecord record : everyRecordType()) {
            String type = record.getClass().getSimpleName();
            String actual = new String(CanonicalJson.bytes(record), StandardCharsets.UTF_8);
            assertThat(actual).as(type).isEqualTo(golden(type));
        }
    }

    @Test
    void everyRecordTypeReadsBackEqual() {
        for (ArchiveRecord record : everyRecordType()) {
            assertThat(CanonicalJson.read(CanonicalJson.bytes(record), ArchiveRecord.class)).isEqualTo(record);
        }
    }

    @Test
    void sameValueGivesSameBytes() {
        assertThat(CanonicalJson.bytes(fullMessage())).isEqualTo(CanonicalJson.bytes(fullMessage()));
    }

    @Test
    void deliveryStatusIsLowerCased() {
        assertThat(((DeliveryEvent) everyRecordType().get(3)).status()).isEqualTo("read");
    }

    @Test
    void storedAttachmentNeedsItsHash() {
        assertThatThrownBy(() -> new Attachment("id", null, null, null, null, Attachment.State.STORED, null))
                .hasMessageContaining("sha256");
    }

    @Test
    void channelMustBelongToThePlatform() {
        assertThatThrownBy(() -> new ArchivedMessage("id", new MessageKey(Platform.TELEGRAM, "a", "1"), Channel.TWILIO, "c",
                Direction.INBOUND, Participant.of("p"), null, SENT, SENT, MessageContent.text("x"), null, null, Provenance.webhook(1)))
                .hasMessageContaining("twilio");
    }

    @Test
    void naturalKeysTellRetriesFromNewFacts() {
        ArchivedMessage message = fullMessage();
        assertThat(message.naturalKey()).isEqualTo(CanonicalJson.read(CanonicalJson.bytes(message), ArchiveRecord.class).naturalKey());
        MessageEdit edit = (MessageEdit) everyRecordType().get(1);
        MessageEdit laterEdit = new MessageEdit(edit.id(), KEY, null, edit.editedAt().plusSeconds(1), edit.capturedAt(), edit.content(), edit.provenance());
        assertThat(edit.naturalKey()).isNotEqualTo(laterEdit.naturalKey());
    }

    @Test
    void identityTypesAreValues() {
        EqualsVerifier.forClass(MessageKey.class).withNonnullFields("platform", "accountId", "platformMessageId").verify();
        EqualsVerifier.forClass(AccountRef.class).withNonnullFields("platform", "accountId").verify();
        EqualsVerifier.forClass(Participant.class).withNonnullFields("platformId").verify();
    }

    @Test
    void capturedPayloadNeverPrintsItsBody() {
        CapturedPayload payload = CapturedPayload.of("twilio-whatsapp-inbound", SENT, Map.of(), "Body=secret+text".getBytes(StandardCharsets.UTF_8));
        assertThat(payload.toString()).doesNotContain("secret").contains("bytes=16");
    }

    private static String golden(String type) throws IOException {
        try (InputStream in = CanonicalFormTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            assertThat(in).as("golden file for " + type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
