package org.imarchive.connectors.telegram;

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

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps one Telegram Bot API Update to canonical records (see docs/adr/0003-telegram-types.md for why Jackson trees).
 *
 * <ul>
 *   <li>{@code business_message}: a message of a business chat, kept under the business connection id.
 *       Telegram does not tell who owns the business account inside a message, so the direction is decided thus:
 *       sent by the bot on the business's behalf ({@code sender_business_bot}) is outbound; otherwise, in a private
 *       business chat the customer's user id equals the chat id, so {@code from.id == chat.id} is inbound and any
 *       other author (the owner, on their own app) is outbound.</li>
 *   <li>{@code edited_business_message}: a new version; {@code deleted_business_messages}: one tombstone per id.</li>
 *   <li>{@code business_connection}: no record; {@link #parseBusinessConnection} gives it to the gateway.</li>
 *   <li>{@code message} / {@code edited_message} (chats with the firm's bot): inbound, under the configured bot
 *       account, since a bot receives only what others write to it.</li>
 *   <li>{@code channel_post} / {@code edited_channel_post}: archived as outbound under the bot account. The bot only
 *       receives posts of channels where it is an administrator, which are the firm's own broadcasts; keeping them
 *       costs little, and the approved-account check downstream decides what to do with an unexpected one.</li>
 *   <li>every other update (reactions, member changes, callback queries): nothing to archive.</li>
 * </ul>
 * Telegram message ids count per chat, so the platform message id is {@code <chat id>:<message id>}.
 */
public final class TelegramNormalizer implements PayloadNormalizer {

    /** Route id of {@code POST /webhooks/telegram}, and the source of polled updates too: they are the same bytes. */
    public static final String SOURCE = "telegram-inbound";
    /** Header of record telling how an update reached us; {@link #POLLED} when {@link TelegramPoller} fetched it. */
    public static final String DELIVERY_HEADER = "telegram-delivery";
    public static final String POLLED = "getUpdates";

    /** Message fields that are not its content; whatever else a message has is what it carries. */
    private static final Set<String> ENVELOPE = Set.of(
            "message_id", "message_thread_id", "direct_messages_topic", "from", "sender_chat", "sender_boost_count",
            "sender_business_bot", "date", "business_connection_id", "chat", "forward_origin", "is_topic_message",
            "is_automatic_forward", "reply_to_message", "external_reply", "quote", "reply_to_story",
            "reply_to_checklist_task_id", "via_bot", "edit_date", "has_protected_content", "is_from_offline",
            "is_paid_post", "media_group_id", "author_signature", "paid_star_count", "text", "entities",
            "link_preview_options", "suggested_post_info", "effect_id", "caption", "caption_entities",
            "show_caption_above_media", "has_media_spoiler", "reply_markup");
    /** Media in the order they are tested: an animation message also carries a document for old clients. */
    private static final List<String> MEDIA = List.of("animation", "document", "video", "video_note", "voice", "audio", "sticker");
    private static final Set<String> SERVICE = Set.of(
            "new_chat_members", "left_chat_member", "new_chat_title", "new_chat_photo", "delete_chat_photo",
            "group_chat_created", "supergroup_chat_created", "channel_chat_created", "message_auto_delete_timer_changed",
            "migrate_to_chat_id", "migrate_from_chat_id", "pinned_message");

    // Duplicate keys are refused: a body with two "text" members could show a reviewer one and an index the other.
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private enum ChatKind { BUSINESS, BOT, CHANNEL }

    private final String botAccountId;

    /**
     * @param botAccountId the account id plain bot chats and channel posts are archived under; a business message
     *                     is archived under its business connection id instead
     */
    public TelegramNormalizer(String botAccountId) {
        if (botAccountId == null || botAccountId.isBlank()) {
            throw new IllegalArgumentException("a Telegram bot account id is needed to archive bot chats");
        }
        this.botAccountId = botAccountId;
    }

    @Override
    public Set<String> sources() {
        return Set.of(SOURCE);
    }

    @Override
    public List<ArchiveRecord> normalize(CaptureRecord record) {
        JsonNode update = update(record);
        if (update.has("business_message")) {
            JsonNode m = update.get("business_message");
            return List.of(message(m, connectionId(m), ChatKind.BUSINESS, record));
        }
        if (update.has("edited_business_message")) {
            JsonNode m = update.get("edited_business_message");
            return List.of(edit(m, connectionId(m), record));
        }
        if (update.has("deleted_business_messages")) {
            return deletions(update.get("deleted_business_messages"), record);
        }
        if (update.has("message")) {
            return List.of(message(update.get("message"), botAccountId, ChatKind.BOT, record));
        }
        if (update.has("edited_message")) {
            return List.of(edit(update.get("edited_message"), botAccountId, record));
        }
        if (update.has("channel_post")) {
            return List.of(message(update.get("channel_post"), botAccountId, ChatKind.CHANNEL, record));
        }
        if (update.has("edited_channel_post")) {
            return List.of(edit(update.get("edited_channel_post"), botAccountId, record));
        }
        return List.of();
    }

    /**
     * @return the connection the update announces, or empty when the update is not a {@code business_connection}
     * @throws MalformedPayloadException when the payload is not an Update or the connection lacks its id or user
     */
    public Optional<BusinessConnectionEvent> parseBusinessConnection(CaptureRecord record) {
        JsonNode connection = update(record).path("business_connection");
        if (connection.isMissingNode()) {
            return Optional.empty();
        }
        JsonNode user = connection.path("user");
        TreeMap<String, Boolean> rights = new TreeMap<>();
        connection.path("rights").fields().forEachRemaining(f -> {
            if (f.getValue().isBoolean()) {
                rights.put(f.getKey(), f.getValue().booleanValue());
            }
        });
        // before Bot API 9.0 the only right was a top-level can_reply
        if (rights.isEmpty() && connection.path("can_reply").isBoolean()) {
            rights.put("can_reply", connection.path("can_reply").booleanValue());
        }
        return Optional.of(new BusinessConnectionEvent(
                required(connection, "id", "business_connection"),
                required(user, "id", "business_connection.user"),
                personName(user),
                user.path("username").asText(null),
                connection.path("user_chat_id").asText(null),
                connection.has("date") ? epoch(connection, "date", "business_connection") : null,
                connection.path("is_enabled").asBoolean(false),
                rights));
    }

    private static JsonNode update(CaptureRecord record) {
        CapturedPayload payload = record.payload();
        if (!SOURCE.equals(payload.source())) {
            throw new IllegalArgumentException("not a Telegram source: " + payload.source());
        }
        JsonNode update;
        try {
            update = JSON.readTree(payload.body());
        } catch (JsonProcessingException e) {
            // the parser's message quotes the offending text, which is payload; only the position is kept
            throw new MalformedPayloadException("body is not JSON (error at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new MalformedPayloadException("body cannot be read as JSON");
        }
        if (update == null || !update.isObject() || !update.path("update_id").isIntegralNumber()) {
            throw new MalformedPayloadException("not a Telegram Update: no update_id");
        }
        return update;
    }

    private ArchivedMessage message(JsonNode m, String accountId, ChatKind chatKind, CaptureRecord record) {
        JsonNode chat = m.path("chat");
        String chatId = required(chat, "id", "message.chat");
        MessageKey key = key(accountId, chatId, required(m, "message_id", "message"));
        Instant sentAt = epoch(m, "date", "message");

        Participant sender = author(m);
        Direction direction = switch (chatKind) {
            case BUSINESS -> !m.has("sender_business_bot") && chatId.equals(m.path("from").path("id").asText())
                    ? Direction.INBOUND : Direction.OUTBOUND;
            case BOT -> Direction.INBOUND;
            case CHANNEL -> Direction.OUTBOUND;
        };
        // the business owner's id is not in the message (the business connection has it); the bot is the account
        List<Participant> recipients = switch (chatKind) {
            case BUSINESS -> direction == Direction.OUTBOUND ? List.of(new Participant(chatId, chatName(chat))) : List.of();
            case BOT -> List.of(Participant.of(botAccountId));
            case CHANNEL -> List.of();
        };

        TreeMap<String, String> details = new TreeMap<>();
        Forward forward = forward(m, details);
        MessageContent content = content(m, details);
        String replyTo = null;
        JsonNode reply = m.path("reply_to_message");
        if (reply.isObject()) {
            replyTo = reply.path("chat").path("id").asText(chatId) + ":" + reply.path("message_id").asText();
        }
        return StableIds.named(new ArchivedMessage(StableIds.UNNAMED, key, Channel.TELEGRAM_BOT, chatId, direction,
                sender, recipients, sentAt, record.payload().receivedAt(), content, replyTo, forward,
                provenance(record)));
    }

    private static MessageEdit edit(JsonNode m, String accountId, CaptureRecord record) {
        String chatId = required(m.path("chat"), "id", "message.chat");
        MessageKey key = key(accountId, chatId, required(m, "message_id", "message"));
        // an edited message always carries edit_date; a missing one falls back to when we learnt of the edit
        Instant editedAt = m.has("edit_date") ? epoch(m, "edit_date", "message") : record.payload().receivedAt();
        return StableIds.named(new MessageEdit(StableIds.UNNAMED, key, null, editedAt, record.payload().receivedAt(),
                content(m, new TreeMap<>()), provenance(record)));
    }

    private static List<ArchiveRecord> deletions(JsonNode deleted, CaptureRecord record) {
        String accountId = connectionId(deleted);
        String chatId = required(deleted.path("chat"), "id", "deleted_business_messages.chat");
        if (!deleted.path("message_ids").isArray()) {
            throw new MalformedPayloadException("deleted_business_messages has no message_ids");
        }
        List<ArchiveRecord> tombstones = new ArrayList<>();
        for (JsonNode id : deleted.path("message_ids")) {
            // Telegram does not say when they were deleted; MessageDeletion leaves that to the capture time
            tombstones.add(StableIds.named(new MessageDeletion(StableIds.UNNAMED, key(accountId, chatId, id.asText()),
                    null, record.payload().receivedAt(), provenance(record))));
        }
        return tombstones;
    }

    /** The content of one version of a message; {@code details} may already hold facts of the whole message (its forward origin). */
    private static MessageContent content(JsonNode m, TreeMap<String, String> details) {
        // Telegram's entity offsets count UTF-16 code units, which are Java chars: they index the text as kept here
        String text = m.has("text") ? m.path("text").asText() : m.path("caption").asText(null);
        putJson(details, "entities", m.path("entities"));
        putJson(details, "caption_entities", m.path("caption_entities"));
        putText(details, "from.username", m.path("from").path("username"));
        putText(details, "sender_business_bot.id", m.path("sender_business_bot").path("id"));
        putText(details, "sender_business_bot.username", m.path("sender_business_bot").path("username"));
        putText(details, "is_from_offline", m.path("is_from_offline"));
        putText(details, "media_group_id", m.path("media_group_id"));
        putText(details, "author_signature", m.path("author_signature"));
        putText(details, "via_bot.username", m.path("via_bot").path("username"));
        putText(details, "quote.text", m.path("quote").path("text"));
        putText(details, "quote.position", m.path("quote").path("position"));
        putText(details, "external_reply.chat.id", m.path("external_reply").path("chat").path("id"));
        putText(details, "external_reply.message_id", m.path("external_reply").path("message_id"));
        putText(details, "external_reply.origin.type", m.path("external_reply").path("origin").path("type"));

        List<Attachment> attachments = new ArrayList<>();
        Location location = null;
        MessageKind kind;
        String media = MEDIA.stream().filter(m::has).findFirst().orElse(null);
        if (m.path("photo").isArray() && !m.path("photo").isEmpty()) {
            kind = MessageKind.MEDIA;
            JsonNode largest = largest(m.path("photo"));
            attachments.add(attachment(largest));
            details.put("type", "photo");
            putScalars(details, "photo", largest);
        } else if (media != null) {
            kind = MessageKind.MEDIA;
            attachments.add(attachment(m.path(media)));
            details.put("type", media);
            putScalars(details, media, m.path(media));
        } else if (m.has("venue") || m.has("location")) {
            kind = MessageKind.LOCATION;
            JsonNode venue = m.path("venue");
            JsonNode point = venue.isObject() ? venue.path("location") : m.path("location");
            if (!point.path("latitude").isNumber() || !point.path("longitude").isNumber()) {
                throw new MalformedPayloadException("location message has no numeric latitude and longitude");
            }
            location = new Location(point.path("latitude").asDouble(), point.path("longitude").asDouble(),
                    venue.path("title").asText(null), venue.path("address").asText(null));
            details.put("type", venue.isObject() ? "venue" : "location");
            putScalars(details, "location", point);
        } else if (m.has("contact")) {
            kind = MessageKind.CONTACTS;
            details.put("type", "contact");
            putScalars(details, "contact", m.path("contact"));
        } else if (m.has("text")) {
            kind = MessageKind.TEXT;
        } else {
            String type = firstContentField(m);
            details.put("type", type);
            if (SERVICE.contains(type)) {
                kind = MessageKind.SYSTEM;
                // a pinned message is a whole message again; which one was pinned is what matters
                JsonNode value = type.equals("pinned_message") ? m.path(type).path("message_id") : m.path(type);
                flatten(details, type, value);
            } else {
                // polls, dice, stories, payments and whatever Telegram adds later
                kind = MessageKind.UNSUPPORTED;
                flatten(details, type, m.path(type));
            }
        }
        return new MessageContent(kind, text, attachments, location, details);
    }

    /** PhotoSizes come in ascending size, but the order is not promised: take the most pixels, then the most bytes. */
    private static JsonNode largest(JsonNode sizes) {
        List<JsonNode> all = new ArrayList<>();
        sizes.forEach(all::add);
        return all.stream().max(Comparator
                .comparingLong((JsonNode s) -> s.path("width").asLong() * s.path("height").asLong())
                .thenComparingLong(s -> s.path("file_size").asLong())).orElseThrow();
    }

    /** The file_id is what getFile takes to download the file; it is kept verbatim as the platform's media id. */
    private static Attachment attachment(JsonNode file) {
        return Attachment.pending(file.path("file_id").asText(null), file.path("file_name").asText(null),
                file.path("mime_type").asText(null));
    }

    private static Forward forward(JsonNode m, TreeMap<String, String> details) {
        JsonNode origin = m.path("forward_origin");
        if (!origin.isObject()) {
            return null;
        }
        Instant date = origin.path("date").canConvertToLong() ? Instant.ofEpochSecond(origin.path("date").asLong()) : null;
        String type = origin.path("type").asText("");
        details.put("forward_origin.type", type);
        putText(details, "forward_origin.author_signature", origin.path("author_signature"));
        return switch (type) {
            case "user" -> new Forward(personName(origin.path("sender_user")), origin.path("sender_user").path("id").asText(null), date, false);
            case "hidden_user" -> new Forward(origin.path("sender_user_name").asText(null), null, date, false);
            case "chat" -> new Forward(chatName(origin.path("sender_chat")), origin.path("sender_chat").path("id").asText(null), date, false);
            // a channel post has an address of its own, written like our platform message ids
            case "channel" -> new Forward(chatName(origin.path("chat")),
                    origin.path("chat").path("id").asText() + ":" + origin.path("message_id").asText(), date, false);
            default -> new Forward(null, null, date, false);
        };
    }

    private static Participant author(JsonNode m) {
        JsonNode from = m.path("from");
        if (from.has("id")) {
            return new Participant(from.path("id").asText(), personName(from));
        }
        // channel posts and anonymous group admins are written by a chat, not a user
        JsonNode chat = m.path("sender_chat").isObject() ? m.path("sender_chat") : m.path("chat");
        return new Participant(chat.path("id").asText(), chatName(chat));
    }

    private static String personName(JsonNode user) {
        String first = user.path("first_name").asText("");
        String last = user.path("last_name").asText("");
        String name = (first + " " + last).trim();
        return name.isEmpty() ? null : name;
    }

    private static String chatName(JsonNode chat) {
        return chat.hasNonNull("title") ? chat.path("title").asText() : personName(chat);
    }

    private static String firstContentField(JsonNode m) {
        for (Iterator<String> names = m.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE.contains(name)) {
                return name;
            }
        }
        return "unknown";
    }

    /** A polled update was fetched by us, not pushed: the record says so, so an examiner can trace it to getUpdates. */
    private static Provenance provenance(CaptureRecord record) {
        return POLLED.equals(record.payload().headers().get(DELIVERY_HEADER))
                ? new Provenance(Provenance.Source.POLL, record.sequence(), null, null)
                : Provenance.webhook(record.sequence());
    }

    private static MessageKey key(String accountId, String chatId, String messageId) {
        return new MessageKey(Platform.TELEGRAM, accountId, chatId + ":" + messageId);
    }

    private static String connectionId(JsonNode node) {
        return required(node, "business_connection_id", "business update");
    }

    private static String required(JsonNode node, String field, String what) {
        String value = node.path(field).asText("");
        if (value.isEmpty()) {
            throw new MalformedPayloadException(what + " has no " + field);
        }
        return value;
    }

    private static Instant epoch(JsonNode node, String field, String what) {
        if (!node.path(field).canConvertToLong()) {
            throw new MalformedPayloadException(what + " has no unix time in " + field);
        }
        return Instant.ofEpochSecond(node.path(field).asLong());
    }

    private static void putText(Map<String, String> details, String key, JsonNode value) {
        if (value.isValueNode() && !value.isNull()) {
            details.put(key, value.asText());
        }
    }

    private static void putJson(Map<String, String> details, String key, JsonNode value) {
        if (value.isArray() && !value.isEmpty()) {
            details.put(key, value.toString());
        }
    }

    /** The plain fields of a file or point (sizes, durations, unique ids); nested thumbnails are left out. */
    private static void putScalars(Map<String, String> details, String prefix, JsonNode object) {
        object.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("file_id") && f.getValue().isValueNode() && !f.getValue().isNull()) {
                details.put(prefix + "." + f.getKey(), f.getValue().asText());
            }
        });
    }

    /** Structured data with no canonical field, kept as dotted paths ({@code poll.options.0.text}). */
    private static void flatten(Map<String, String> details, String path, JsonNode node) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(details, path + "." + f.getKey(), f.getValue()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(details, path + "." + i, node.get(i));
            }
        } else if (!node.isMissingNode() && !node.isNull()) {
            details.put(path, node.asText());
        }
    }
}
