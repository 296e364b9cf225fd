package org.imarchive.gateway.ui;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;
import org.imarchive.supervision.lexicon.Hit;
import org.imarchive.supervision.policy.PolicyRef;
import org.imarchive.supervision.policy.RuleKind;
import org.imarchive.supervision.policy.Severity;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MessageCardTest {
    static final MessageKey KEY = new MessageKey(Platform.WHATSAPP, "+15550001111", "SM1");
    static final Instant SENT = Instant.parse("2026-11-20T09:00:00Z");
    static final String PHOTO = "a".repeat(64);
    static final String CONTRACT = "b".repeat(64);
    static final String DRAWING = "c".repeat(64);

    @Test
    void everyVersionIsShownAndOnlyTheReviewedOneCarriesTheHits() {
        StoredMessage message = message(List.of(
                new StoredRecord("r1", "h1", 1, original(MessageContent.text("I guarantee a return"))),
                new StoredRecord("r2", "h2", 2, new MessageEdit("e1", KEY, null, SENT.plusSeconds(60), SENT.plusSeconds(61),
                        MessageContent.text("I expect a return"), Provenance.webhook(2)))));
        MessageCard card = MessageCard.of(message, true, "r1", List.of(hit("body", 2, 11)), sha -> Optional.empty());

        assertThat(card.edited()).isTrue();
        assertThat(card.deleted()).isFalse();
        assertThat(card.versions()).extracting(MessageCard.Version::number, MessageCard.Version::current).containsExactly(
                tuple(1, false), tuple(2, true));
        assertThat(card.versions().get(0).text()).contains(new HighlightedText.Segment("guarantee", "promissory-language / guarantee"));
        assertThat(card.versions().get(1).text()).containsExactly(new HighlightedText.Segment("I expect a return", null));
        assertThat(card.versions().get(1).at()).isEqualTo(SENT.plusSeconds(60));
        assertThat(card.sender()).isEqualTo("Customer (+447700900123)");
    }

    @Test
    void aDeletedMessageStaysVisibleAsDeleted() {
        Instant deletedAt = SENT.plusSeconds(300);
        StoredMessage message = message(List.of(new StoredRecord("r1", "h1", 1, original(MessageContent.text("delete this chat"))),
                new StoredRecord("r2", "h2", null, new MessageDeletion("d1", KEY, deletedAt, deletedAt.plusSeconds(1), Provenance.webhook(3)))));
        MessageCard card = MessageCard.of(message, false, null, List.of(), sha -> Optional.empty());
        assertThat(card.deleted()).isTrue();
        assertThat(card.deletedAt()).isEqualTo(deletedAt);
        assertThat(card.versions()).singleElement().satisfies(v -> assertThat(v.text()).extracting(HighlightedText.Segment::text)
                .containsExactly("delete this chat"));
    }

    @Test
    void aRasterImageIsPreviewedInlineAndADocumentByNameHashAndMarkedText() {
        MessageContent content = MessageContent.of(MessageKind.MEDIA, "see attached", List.of(
                stored(PHOTO, "photo.jpg", "image/jpeg"), stored(CONTRACT, "contract.pdf", "application/pdf"),
                stored(DRAWING, "drawing.svg", "image/svg+xml"), Attachment.pending("m4", "late.pdf", "application/pdf")), Map.of());
        StoredMessage message = message(List.of(new StoredRecord("r1", "h1", 1, original(content))));
        MessageCard card = MessageCard.of(message, true, "r1", List.of(hit("attachment:" + CONTRACT, 3, 12)),
                sha -> sha.equals(CONTRACT) ? Optional.of("We guarantee returns") : Optional.of("<svg>"));

        List<MessageCard.AttachmentView> attachments = card.versions().get(0).attachments();
        assertThat(attachments).extracting(MessageCard.AttachmentView::fileName, MessageCard.AttachmentView::image).containsExactly(
                tuple("photo.jpg", true), tuple("contract.pdf", false),
                tuple("drawing.svg", false), tuple("late.pdf", false));
        assertThat(attachments.get(1).extractedText()).containsExactly(new HighlightedText.Segment("We ", null),
                new HighlightedText.Segment("guarantee", "promissory-language / guarantee"), new HighlightedText.Segment(" returns", null));
        assertThat(attachments.get(1).sha256()).isEqualTo(CONTRACT);
        assertThat(attachments.get(0).extractedText()).as("an image is shown, not its text").isEmpty();
        assertThat(attachments.get(3).state()).isEqualTo("pending");
        assertThat(attachments.get(3).extractedText()).isEmpty();
    }

    private static StoredMessage message(List<StoredRecord> records) {
        return new StoredMessage("msg-1", KEY, "conv-1", false, records);
    }

    private static ArchivedMessage original(MessageContent content) {
        return new ArchivedMessage("a1", KEY, Channel.TWILIO, "whatsapp:+447700900123", Direction.INBOUND,
                new Participant("+447700900123", "Customer"), List.of(), SENT, SENT.plusSeconds(1), content, null, null, Provenance.webhook(1));
    }

    private static Attachment stored(String sha256, String fileName, String mediaType) {
        return new Attachment("media-" + fileName, fileName, mediaType, 100L, sha256, Attachment.State.STORED, null);
    }

    private static Hit hit(String part, int start, int end) {
        return new Hit(new PolicyRef("promissory-language", 1, "sha256:x"), "guarantee", RuleKind.TERM, Severity.HIGH, 80, part, start, end, "x");
    }
}
