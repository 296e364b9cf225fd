package org.imarchive.gateway.outbound;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.PayloadNormalizer;
import org.imarchive.archive.support.Ids;
import org.imarchive.connectors.platformapi.GatewaySentIds;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Maps the gateway's own outbound captures to canonical records, purely. The request becomes the OUTBOUND message,
 * keyed {@code gateway:<outbound id>} under the sending account; the platform's answer becomes a delivery event on
 * that message: {@code accepted} (the platform took it; its id is in the answer and in the outbound register),
 * {@code failed} (refused: the platform's code and reason kept) or {@code unconfirmed} (no answer came).
 */
public final class OutboundNormalizer implements PayloadNormalizer {

    @Override
    public Set<String> sources() {
        return Arrays.stream(OutboundChannel.values())
                .flatMap(channel -> java.util.stream.Stream.of(channel.requestSource(), channel.resultSource()))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public List<ArchiveRecord> normalize(CaptureRecord record) {
        String source = record.payload().source();
        OutboundChannel channel = OutboundChannel.bySource(source)
                .orElseThrow(() -> new IllegalArgumentException("not an outbound source: " + source));
        Provenance provenance = new Provenance(Provenance.Source.SENT, record.sequence(), null, null);
        if (source.equals(channel.requestSource())) {
            return List.of(message(OutboundIntent.parse(record.payload().body()), record, provenance));
        }
        return List.of(delivery(SendOutcome.fromPayload(record.payload()), record, provenance));
    }

    /** The archive key of a message the gateway sent. */
    public static MessageKey keyOf(OutboundChannel channel, String account, String outboundId) {
        return new MessageKey(channel.platform(), account, GatewaySentIds.platformMessageIdOf(outboundId));
    }

    private static ArchivedMessage message(OutboundIntent intent, CaptureRecord record, Provenance provenance) {
        MessageKey key = keyOf(intent.channel(), intent.account(), intent.outboundId());
        // the relationship manager who wrote it is not a platform participant; the details keep who it was
        Map<String, String> details = new TreeMap<>(Map.of("gateway.outboundId", intent.outboundId(), "gateway.requestedBy", intent.requestedBy()));
        MessageContent content = MessageContent.of(MessageKind.TEXT, intent.text(), List.of(), details);
        ArchivedMessage unnamed = new ArchivedMessage("unnamed", key, intent.channel().channel(), intent.to(), Direction.OUTBOUND,
                Participant.of(intent.account()), List.of(Participant.of(intent.to())), intent.requestedAt(),
                record.payload().receivedAt(), content, intent.replyTo(), null, provenance);
        return new ArchivedMessage(stableId(unnamed), key, unnamed.channel(), unnamed.platformConversationId(), unnamed.direction(),
                unnamed.sender(), unnamed.recipients(), unnamed.sentAt(), unnamed.capturedAt(), content, unnamed.replyToPlatformMessageId(),
                null, provenance);
    }

    private static DeliveryEvent delivery(SendOutcome outcome, CaptureRecord record, Provenance provenance) {
        MessageKey key = keyOf(outcome.channel(), outcome.account(), outcome.outboundId());
        String status = outcome.state().name().toLowerCase(java.util.Locale.ROOT);
        String errorMessage = outcome.state() == SendOutcome.State.ACCEPTED ? null : outcome.reason();
        DeliveryEvent unnamed = new DeliveryEvent("unnamed", key, status, record.payload().receivedAt(), record.payload().receivedAt(),
                outcome.errorCode(), errorMessage, provenance);
        return new DeliveryEvent(stableId(unnamed), key, status, unnamed.at(), unnamed.capturedAt(), unnamed.errorCode(),
                unnamed.errorMessage(), provenance);
    }

    /** Derived from the natural key and capture time, so a replay of the same journal record gives the same id. */
    private static String stableId(ArchiveRecord unnamed) {
        return Ids.stableId(unnamed.capturedAt(), unnamed.naturalKey());
    }
}
