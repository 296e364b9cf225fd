package org.imarchive.connectors.whatsappcloud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.pipeline.MalformedPayloadException;
import org.imarchive.archive.pipeline.PayloadNormalizer;
import org.imarchive.connectors.platformapi.GatewaySentIds;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Maps one Meta WhatsApp Cloud API webhook body to canonical records: every message of every change (customer
 * messages on field {@code messages}, business-app echoes on {@code smb_message_echoes}) and every status. Message
 * types this mapper does not know are kept as {@link MessageKind#UNSUPPORTED} with their fields in the details.
 */
public final class WhatsAppCloudNormalizer implements PayloadNormalizer {

    /** Route id of {@code POST /webhooks/whatsapp-cloud}. */
    public static final String SOURCE = "whatsapp-cloud-inbound";

    private static final Set<String> MEDIA_TYPES = Set.of("image", "video", "audio", "sticker", "document");
    /** Media fields with a canonical home; the rest (voice, animated, the short-lived url) goes to details. */
    private static final Set<String> MEDIA_FIELDS = Set.of("id", "mime_type", "sha256", "filename", "caption", "url");

    // Duplicate keys are refused: a body with two "text" members could show a reviewer one and an index the other.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    @Override
    public Set<String> sources() {
        return Set.of(SOURCE);
    }

    @Override
    public List<ArchiveRecord> normalize(CaptureRecord record) {
        CapturedPayload payload = record.payload();
        if (!SOURCE.equals(payload.source())) {
            throw new IllegalArgumentException("not a WhatsApp Cloud API source: " + payload.source());
        }
        JsonNode root = parse(payload.body());
        if (!"whatsapp_business_account".equals(root.path("object").asText())) {
            throw new MalformedPayloadException("not a WhatsApp Business Account webhook: object is not whatsapp_business_account");
        }
        if (!root.path("entry").isArray()) {
            throw new MalformedPayloadException("webhook has no entry array");
        }
        List<ArchiveRecord> records = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                String field = change.path("field").asText();
                JsonNode value = change.path("value");
                switch (field) {
                    case "messages" -> {
                        Change context = Change.of(value, record);
                        value.path("messages").forEach(m -> records.add(isolated(m, context, () -> message(m, context, false))));
                        value.path("statuses").forEach(s -> records.add(isolated(s, context, () -> status(s, context))));
                    }
                    case "smb_message_echoes" -> {
                        Change context = Change.of(value, record);
                        value.path("message_echoes").forEach(m -> records.add(isolated(m, context, () -> message(m, context, true))));
                    }
                    default -> {
                        // account, template, quality and history-sync fields carry no message of a conversation
                    }
                }
            }
        }
        return records;
    }

    /**
     * One message or status the format does not allow must not cost its neighbours in the same webhook: it is archived
     * as it came, unsupported and marked malformed with the reason, keyed by the hash of its JSON, for a person to see.
     */
    private static ArchiveRecord isolated(JsonNode item, Change change, java.util.function.Supplier<ArchiveRecord> mapping) {
        try {
            return mapping.get();
        } catch (MalformedPayloadException malformed) {
            String json = item.toString();
            String key = "malformed:" + org.imarchive.archive.support.Sha256.hex(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Map<String, String> details = new TreeMap<>(Map.of("malformed", malformed.getMessage(), "raw", json));
            return StableIds.named(new ArchivedMessage(StableIds.UNNAMED, change.key(key), Channel.WHATSAPP_CLOUD, "unknown",
                    Direction.INBOUND, Participant.of("unknown"), List.of(Participant.of(change.businessNumber())), change.capturedAt(),
                    change.capturedAt(), MessageContent.of(MessageKind.UNSUPPORTED, null, List.of(), details), null, null, change.provenance()));
        }
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MalformedPayloadException("body is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            // the parser's message quotes the offending text, which is payload; only the position is kept
            throw new MalformedPayloadException("body is not JSON (error at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new MalformedPayloadException("body cannot be read as JSON");
        }
    }

    /** What every message of one change shares: the business phone number and the customers' profile names. */
    private record Change(String accountId, String businessNumber, Map<String, String> names, CaptureRecord record) {
        static Change of(JsonNode value, CaptureRecord record) {
            String phoneNumberId = value.path("metadata").path("phone_number_id").asText(null);
            if (phoneNumberId == null || phoneNumberId.isEmpty()) {
                throw new MalformedPayloadException("change has no metadata.phone_number_id");
            }
            String display = value.path("metadata").path("display_phone_number").asText(null);
            Map<String, String> names = new HashMap<>();
            for (JsonNode contact : value.path("contacts")) {
                String name = contact.path("profile").path("name").asText(null);
                if (name != null) {
                    // customers are named by wa_id, or by their business-scoped user id (BSUID) when wa_id is omitted
                    putIfText(names, contact.path("wa_id"), name);
                    putIfText(names, contact.path("user_id"), name);
                }
            }
            return new Change(phoneNumberId, display == null ? phoneNumberId : display, names, record);
        }

        private static void putIfText(Map<String, String> names, JsonNode id, String name) {
            if (id.isTextual() || id.isNumber()) {
                names.put(id.asText(), name);
            }
        }

        MessageKey key(String platformMessageId) {
            return new MessageKey(Platform.WHATSAPP, accountId, platformMessageId);
        }

        Instant capturedAt() {
            return record.payload().receivedAt();
        }

        Provenance provenance() {
            return Provenance.webhook(record.sequence());
        }

        Participant participant(String id) {
            return new Participant(id, names.get(id));
        }
    }

    private static ArchiveRecord message(JsonNode m, Change change, boolean echo) {
        String id = required(m, "id", "message");
        Instant at = timestamp(m, "message");
        String type = m.path("type").asText("");
        if (type.equals("edit")) {
            JsonNode edit = m.path("edit");
            String original = required(edit, "original_message_id", "edit");
            return StableIds.named(new MessageEdit(StableIds.UNNAMED, change.key(original), id, at,
                    change.capturedAt(), content(edit.path("message")), change.provenance()));
        }
        if (type.equals("revoke")) {
            String original = required(m.path("revoke"), "original_message_id", "revoke");
            return StableIds.named(new MessageDeletion(StableIds.UNNAMED, change.key(original), at,
                    change.capturedAt(), change.provenance()));
        }

        // a customer is named by wa_id; a username user (BSUID rollout) may come with from_user_id only
        String customer = echo ? firstText(m, "to", "to_user_id") : firstText(m, "from", "from_user_id");
        if (customer == null) {
            throw new MalformedPayloadException((echo ? "message echo has no to" : "message has no from"));
        }
        Participant business = Participant.of(change.businessNumber());
        Participant sender = echo ? business : change.participant(customer);
        List<Participant> recipients = List.of(echo ? change.participant(customer) : business);

        MessageContent content = content(m);
        JsonNode context = m.path("context");
        String replyTo = type.equals("reaction")
                ? m.path("reaction").path("message_id").asText(null)
                : context.path("id").asText(null);
        Forward forward = context.path("forwarded").asBoolean(false) || context.path("frequently_forwarded").asBoolean(false)
                ? new Forward(null, null, null, context.path("frequently_forwarded").asBoolean(false))
                : null;
        return StableIds.named(new ArchivedMessage(StableIds.UNNAMED, change.key(id), Channel.WHATSAPP_CLOUD, customer,
                echo ? Direction.OUTBOUND : Direction.INBOUND, sender, recipients, at, change.capturedAt(), content,
                replyTo, forward, change.provenance()));
    }

    /** The content of a message object ({@code type} plus the member of that name), also used for an edit's new version. */
    private static MessageContent content(JsonNode m) {
        String type = m.path("type").asText("");
        JsonNode body = m.path(type);
        TreeMap<String, String> details = new TreeMap<>();
        details.put("type", type);
        List<Attachment> attachments = new ArrayList<>();
        Location location = null;
        String text = null;
        MessageKind kind;

        if (MEDIA_TYPES.contains(type)) {
            kind = MessageKind.MEDIA;
            attachments.add(new Attachment(body.path("id").asText(null), body.path("filename").asText(null),
                    body.path("mime_type").asText(null), null, null, Attachment.State.PENDING,
                    body.path("sha256").asText(null)));
            text = body.path("caption").asText(null);
            body.fields().forEachRemaining(f -> {
                if (!MEDIA_FIELDS.contains(f.getKey())) {
                    flatten(type + "." + f.getKey(), f.getValue(), details);
                }
            });
        } else {
            switch (type) {
                case "text" -> {
                    kind = MessageKind.TEXT;
                    text = body.path("body").asText(null);
                }
                case "location" -> {
                    kind = MessageKind.LOCATION;
                    if (!body.path("latitude").isNumber() || !body.path("longitude").isNumber()) {
                        throw new MalformedPayloadException("location message has no numeric latitude and longitude");
                    }
                    location = new Location(body.path("latitude").asDouble(), body.path("longitude").asDouble(),
                            body.path("name").asText(null), body.path("address").asText(null));
                    flatten("location.url", body.path("url"), details);
                }
                case "contacts" -> {
                    kind = MessageKind.CONTACTS;
                    flatten("contacts", body, details);
                }
                case "interactive" -> {
                    kind = MessageKind.INTERACTIVE;
                    // button_reply and list_reply carry the title the customer tapped; nfm_reply (a Flow) a body
                    JsonNode reply = body.path(body.path("type").asText(""));
                    text = reply.hasNonNull("title") ? reply.path("title").asText() : reply.path("body").asText(null);
                    flatten("interactive", body, details);
                }
                case "button" -> {
                    kind = MessageKind.INTERACTIVE;
                    text = body.path("text").asText(null);
                    flatten("button", body, details);
                }
                case "order" -> {
                    // the model has no order kind; a catalogue order is the customer's answer to a product message
                    kind = MessageKind.INTERACTIVE;
                    text = body.path("text").asText(null);
                    flatten("order", body, details);
                }
                case "reaction" -> {
                    kind = MessageKind.REACTION;
                    String emoji = body.path("emoji").asText("");
                    if (emoji.isEmpty()) {
                        details.put("reaction.removed", "true");
                    } else {
                        details.put("reaction.emoji", emoji);
                    }
                }
                case "system", "request_welcome" -> {
                    kind = MessageKind.SYSTEM;
                    text = body.path("body").asText(null);
                    flatten(type, body, details);
                }
                default -> {
                    // "unsupported" (with errors saying why) and any type Meta adds later
                    kind = MessageKind.UNSUPPORTED;
                    flatten(type.isEmpty() ? "unknown" : type, body, details);
                }
            }
        }
        flatten("context.from", m.path("context").path("from"), details);
        flatten("context.referred_product", m.path("context").path("referred_product"), details);
        flatten("referral", m.path("referral"), details);
        flatten("errors", m.path("errors"), details);
        flatten("from_user_id", m.path("from_user_id"), details);
        flatten("to_user_id", m.path("to_user_id"), details);
        return new MessageContent(kind, text, attachments, location, details);
    }

    private static DeliveryEvent status(JsonNode s, Change change) {
        String id = required(s, "id", "status");
        String status = required(s, "status", "status");
        Instant at = s.has("timestamp") ? timestamp(s, "status") : null;
        String errorCode = null;
        String errorMessage = null;
        if (s.path("errors").isArray() && !s.path("errors").isEmpty()) {
            StringJoiner codes = new StringJoiner(",");
            StringJoiner messages = new StringJoiner("; ");
            for (JsonNode error : s.path("errors")) {
                codes.add(error.path("code").asText());
                String title = error.path("title").asText(error.path("message").asText(""));
                String details = error.path("error_data").path("details").asText("");
                messages.add(details.isEmpty() || details.equals(title) ? title : title + ": " + details);
            }
            errorCode = codes.toString();
            errorMessage = messages.toString();
        }
        // a message the gateway sent was archived before Meta gave it a wamid; Meta echoes our id on its statuses
        String callbackData = s.path("biz_opaque_callback_data").asText("");
        String outboundId = callbackData.startsWith(GraphMessagesApi.OUTBOUND_CALLBACK_PREFIX)
                ? callbackData.substring(GraphMessagesApi.OUTBOUND_CALLBACK_PREFIX.length()) : null;
        String platformMessageId = GatewaySentIds.isOutboundId(outboundId) ? GatewaySentIds.platformMessageIdOf(outboundId) : id;
        // conversation and pricing describe billing, not the record; they stay in the raw capture
        return StableIds.named(new DeliveryEvent(StableIds.UNNAMED, change.key(platformMessageId), status, at, change.capturedAt(),
                errorCode, errorMessage, change.provenance()));
    }

    /** Structured data with no canonical field, kept as dotted paths ({@code contacts.0.phones.0.phone}). */
    private static void flatten(String path, JsonNode node, Map<String, String> details) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(path + "." + f.getKey(), f.getValue(), details));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "." + i, node.get(i), details);
            }
        } else if (!node.isMissingNode() && !node.isNull()) {
            details.put(path, node.asText());
        }
    }

    private static String required(JsonNode node, String field, String what) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new MalformedPayloadException(what + " has no " + field);
        }
        return value;
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String value = node.path(field).asText("");
            if (!value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    /** Meta sends unix seconds as a string ("1704067200"); a number is accepted too. */
    private static Instant timestamp(JsonNode node, String what) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(node.path("timestamp").asText("")));
        } catch (NumberFormatException e) {
            throw new MalformedPayloadException(what + " timestamp is not unix seconds");
        }
    }
}
