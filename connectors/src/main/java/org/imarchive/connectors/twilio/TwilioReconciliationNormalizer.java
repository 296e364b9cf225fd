package org.imarchive.connectors.twilio;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.PayloadNormalizer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps a message resource that reconciliation found missing (Twilio's Messages API JSON) to the records a webhook
 * would have given: the message, keyed by MessageSid under the business number exactly as the webhook keys it (so a
 * late webhook and a reconciliation dedupe against each other), and for an outbound message its status as Twilio
 * last reported it. Provenance is {@code poll}: the record was fetched by us, not pushed by Twilio.
 *
 * <p>Media is not fetched here: the resource names only the media list ({@code subresource_uris.media}), kept as one
 * pending attachment for the media fetcher, with the count in the details.
 */
public final class TwilioReconciliationNormalizer implements PayloadNormalizer {
    public static final String SOURCE = "twilio-reconciliation";

    @Override
    public Set<String> sources() {
        return Set.of(SOURCE);
    }

    @Override
    public List<ArchiveRecord> normalize(CaptureRecord record) {
        if (!SOURCE.equals(record.payload().source())) {
            throw new IllegalArgumentException("not a Twilio reconciliation source: " + record.payload().source());
        }
        TwilioMessageResource resource = TwilioMessageResource.parse(record.payload().body());
        Instant capturedAt = record.payload().receivedAt();
        Provenance provenance = new Provenance(Provenance.Source.POLL, record.sequence(), null, null);
        MessageKey key = new MessageKey(Platform.WHATSAPP, resource.businessNumber(), resource.sid());
        Direction direction = resource.direction();
        Participant business = Participant.of(resource.businessNumber());
        Participant customer = Participant.of(resource.customerNumber());

        List<ArchiveRecord> records = new ArrayList<>();
        records.add(StableIds.named(new ArchivedMessage(StableIds.UNNAMED, key, Channel.TWILIO, resource.customerNumber(), direction,
                direction == Direction.INBOUND ? customer : business,
                List.of(direction == Direction.INBOUND ? business : customer),
                resource.sentAt() != null ? resource.sentAt() : capturedAt, capturedAt, content(resource),
                null, null, provenance)));
        String status = resource.text("status");
        if (direction == Direction.OUTBOUND && status != null && !status.isEmpty()) {
            Instant at = resource.updatedAt() != null ? resource.updatedAt() : capturedAt;
            records.add(StableIds.named(new DeliveryEvent(StableIds.UNNAMED, key, status, at, capturedAt,
                    resource.text("error_code"), resource.text("error_message"), provenance)));
        }
        return records;
    }

    private static MessageContent content(TwilioMessageResource resource) {
        String body = resource.text("body");
        TreeMap<String, String> details = new TreeMap<>();
        putIfPresent(details, "AccountSid", resource.text("account_sid"));
        putIfPresent(details, "MessagingServiceSid", resource.text("messaging_service_sid"));
        putIfPresent(details, "direction", resource.text("direction"));
        List<Attachment> attachments = new ArrayList<>();
        int numMedia = resource.numMedia();
        if (numMedia > 0) {
            details.put("NumMedia", Integer.toString(numMedia));
            attachments.add(Attachment.pending(resource.mediaListUri(), null, null));
        }
        MessageKind kind = numMedia > 0 ? MessageKind.MEDIA : MessageKind.TEXT;
        return new MessageContent(kind, body == null || body.isEmpty() ? null : body, attachments, null, details);
    }

    private static void putIfPresent(TreeMap<String, String> details, String key, String value) {
        if (value != null && !value.isEmpty()) {
            details.put(key, value);
        }
    }
}
