package org.imarchive.connectors.twilio;

import org.imarchive.archive.capture.CaptureRecord;
import org.imarchive.archive.capture.CapturedPayload;
import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Forward;
import org.imarchive.archive.model.Location;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.MalformedPayloadException;
import org.imarchive.archive.pipeline.PayloadNormalizer;
import org.imarchive.connectors.platformapi.GatewaySentIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps Twilio's WhatsApp form posts to canonical records: an inbound message to an {@link ArchivedMessage}, a status
 * callback to a {@link DeliveryEvent}. A pure function of the captured bytes, so a replay gives the same records.
 */
public final class TwilioNormalizer implements PayloadNormalizer {

    /** Route id of {@code POST /webhooks/twilio/messages}. */
    public static final String INBOUND_SOURCE = "twilio-whatsapp-inbound";
    /** Route id of {@code POST /webhooks/twilio/status}. */
    public static final String STATUS_SOURCE = "twilio-whatsapp-status";

    private static final String WHATSAPP_PREFIX = "whatsapp:";

    /**
     * Parameters with no canonical field that a reviewer or an examiner tracing a message back to Twilio needs;
     * the rest (geo guesses, API version, segment counts) stays in the raw capture.
     */
    private static final List<String> KEPT_PARAMS = List.of(
            "AccountSid", "MessagingServiceSid", "MessageType", "WaId", "ExternalUserId", "ChannelMetadata",
            "ButtonPayload", "OriginalRepliedMessageSender");

    @Override
    public Set<String> sources() {
        return Set.of(INBOUND_SOURCE, STATUS_SOURCE);
    }

    @Override
    public List<ArchiveRecord> normalize(CaptureRecord record) {
        CapturedPayload payload = record.payload();
        Form form = new Form(TwilioForm.decode(payload.body()));
        return switch (payload.source()) {
            case INBOUND_SOURCE -> List.of(inboundMessage(form, record));
            case STATUS_SOURCE -> List.of(deliveryEvent(form, record));
            default -> throw new IllegalArgumentException("not a Twilio source: " + payload.source());
        };
    }

    private ArchivedMessage inboundMessage(Form form, CaptureRecord record) {
        Instant receivedAt = record.payload().receivedAt();
        String sid = messageSid(form);
        String customer = address(form.required("From"));
        String business = address(form.required("To"));
        MessageKey key = new MessageKey(Platform.WHATSAPP, business, sid);
        // Twilio sends no timestamp with an inbound message; the capture time is the best evidence of when it was sent.
        Instant sentAt = receivedAt;
        return StableIds.named(new ArchivedMessage(
                StableIds.UNNAMED, key, Channel.TWILIO, customer, Direction.INBOUND,
                new Participant(customer, form.value("ProfileName")),
                List.of(Participant.of(business)),
                sentAt, receivedAt, content(form),
                form.value("OriginalRepliedMessageSid"), forward(form),
                Provenance.webhook(record.sequence())));
    }

    private static MessageContent content(Form form) {
        String body = form.value("Body");
        String text = body == null || body.isEmpty() ? null : body;
        List<Attachment> media = media(form);
        Location location = location(form);
        String buttonText = form.value("ButtonText");
        String messageType = form.value("MessageType");

        MessageKind kind;
        if (!media.isEmpty()) {
            kind = MessageKind.MEDIA;
        } else if (location != null) {
            kind = MessageKind.LOCATION;
        } else if (buttonText != null || form.value("ButtonPayload") != null) {
            kind = MessageKind.INTERACTIVE;
            text = buttonText;
        } else if (messageType == null || messageType.equals("text")) {
            kind = MessageKind.TEXT;
        } else {
            // a type this mapper does not know; the body (if any) is still kept, and MessageType names what it was
            kind = MessageKind.UNSUPPORTED;
        }

        TreeMap<String, String> details = new TreeMap<>();
        for (String name : KEPT_PARAMS) {
            String value = form.value(name);
            if (value != null && !value.isEmpty()) {
                details.put(name, value);
            }
        }
        // click-to-WhatsApp ads: which ad the customer came from matters for suitability review
        form.params().forEach((name, values) -> {
            if (name.startsWith("Referral") && !name.equals("ReferralNumMedia") && !values.get(0).isEmpty()) {
                details.put(name, values.get(0));
            }
        });
        if (kind == MessageKind.INTERACTIVE && body != null && !body.isEmpty() && !body.equals(buttonText)) {
            details.put("Body", body);
        }
        return new MessageContent(kind, text, media, location, details);
    }

    /** MediaUrl{N} / MediaContentType{N} for N = 0, 1, ...; the URL is what the media fetcher downloads. */
    private static List<Attachment> media(Form form) {
        List<Attachment> attachments = new ArrayList<>();
        for (int n = 0; form.value("MediaUrl" + n) != null; n++) {
            attachments.add(Attachment.pending(form.value("MediaUrl" + n), null, form.value("MediaContentType" + n)));
        }
        return attachments;
    }

    private static Location location(Form form) {
        String latitude = form.value("Latitude");
        String longitude = form.value("Longitude");
        if (latitude == null || longitude == null) {
            return null;
        }
        try {
            return new Location(Double.parseDouble(latitude), Double.parseDouble(longitude),
                    form.value("Label"), form.value("Address"));
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException("Twilio form has a Latitude or Longitude that is not a number");
        }
    }

    private static Forward forward(Form form) {
        boolean forwarded = "true".equalsIgnoreCase(form.value("Forwarded"));
        boolean frequently = "true".equalsIgnoreCase(form.value("FrequentlyForwarded"));
        return forwarded || frequently ? new Forward(null, null, null, frequently) : null;
    }

    private DeliveryEvent deliveryEvent(Form form, CaptureRecord record) {
        Instant receivedAt = record.payload().receivedAt();
        // on a status callback of an outbound message, From is the firm's business number
        String sid = messageSid(form);
        // a message the gateway sent was archived before Twilio gave it a sid; its callbacks name our id in the URL
        String platformMessageId = sentByGateway(record.payload()).map(GatewaySentIds::platformMessageIdOf).orElse(sid);
        MessageKey key = new MessageKey(Platform.WHATSAPP, address(form.required("From")), platformMessageId);
        String status = form.value("MessageStatus") != null ? form.value("MessageStatus") : form.required("SmsStatus");
        String errorMessage = form.value("ChannelStatusMessage") != null
                ? form.value("ChannelStatusMessage") : form.value("ErrorMessage");
        // Twilio's status callbacks carry no event time: the status is as of when we received it
        return StableIds.named(new DeliveryEvent(StableIds.UNNAMED, key, status, receivedAt, receivedAt,
                form.value("ErrorCode"), errorMessage, Provenance.webhook(record.sequence())));
    }

    /** The outbound id in the status callback URL the gateway gave Twilio ({@link TwilioMessagesApi#statusCallbackUrl}). */
    private static Optional<String> sentByGateway(CapturedPayload payload) {
        String query = payload.headers().get("query");
        if (query == null) {
            return Optional.empty();
        }
        String prefix = TwilioMessagesApi.OUTBOUND_CALLBACK_PARAMETER + "=";
        for (String pair : query.split("&")) {
            if (pair.startsWith(prefix)) {
                String outboundId = pair.substring(prefix.length());
                // our ids need no escaping; anything else in this parameter is not an id we gave
                return GatewaySentIds.isOutboundId(outboundId) ? Optional.of(outboundId) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** SmsSid and SmsMessageSid are Twilio's deprecated aliases of MessageSid, still sent alongside it. */
    private static String messageSid(Form form) {
        for (String name : List.of("MessageSid", "SmsMessageSid", "SmsSid")) {
            String sid = form.value(name);
            if (sid != null && !sid.isEmpty()) {
                return sid;
            }
        }
        throw new MalformedPayloadException("Twilio form has no MessageSid");
    }

    /** {@code whatsapp:+4915123456789} becomes the E.164 number; the channel says it is WhatsApp. */
    private static String address(String value) {
        return value.startsWith(WHATSAPP_PREFIX) ? value.substring(WHATSAPP_PREFIX.length()) : value;
    }

    private record Form(Map<String, List<String>> params) {
        String value(String name) {
            List<String> values = params.get(name);
            return values == null ? null : values.get(0);
        }

        String required(String name) {
            String value = value(name);
            if (value == null || value.isEmpty()) {
                throw new MalformedPayloadException("Twilio form has no " + name);
            }
            return value;
        }
    }
}
