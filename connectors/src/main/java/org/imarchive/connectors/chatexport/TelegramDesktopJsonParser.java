package org.imarchive.connectors.chatexport;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Forward;
import org.imarchive.archive.model.Location;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;

import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Reads a Telegram Desktop JSON export: a single chat ({@code {"name","type","id","messages"}}) or the whole account
 * ({@code chats.list[]} and {@code left_chats.list[]}). It streams: only one message is held as a tree at a time, so a
 * 1 GB export does not have to fit in memory, and records reach the sink while the file is still being read.
 *
 * <p>Ids follow the Bot API connector, {@code <chat id>:<message id>} with the chat id in Bot API form
 * (supergroup 1987654321 becomes -1001987654321), so a message captured live and imported later is one message.
 * Fields the canonical model has no place for are kept in the content details as {@code telegram.<field>}.
 */
public final class TelegramDesktopJsonParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Fields mapped to the canonical model; every other field of a message goes to the details verbatim. */
    private static final Set<String> MAPPED = Set.of("id", "type", "date", "date_unixtime", "edited", "edited_unixtime",
            "from", "from_id", "actor", "actor_id", "action", "text", "text_entities", "reply_to_message_id",
            "reply_to_peer_id", "forwarded_from", "forwarded_from_id", "photo", "photo_file_size", "file", "file_name",
            "file_size", "mime_type", "media_type", "reactions", "location_information", "place_name", "address");

    /**
     * @param json the export's bytes; control characters written as {@code \xNN} are repaired while reading
     * @throws ImportRejectedException when the file is not JSON or not a Telegram Desktop export
     */
    public ParseReport parse(InputStream json, ParseContext context, Consumer<? super ArchivedMessage> sink) throws IOException {
        Run run = new Run(context, sink);
        try (JsonParser p = MAPPER.getFactory().createParser(new TdesktopEscapeRepair(json))) {
            try {
                run.readExport(p);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new ImportRejectedException("not valid JSON"
                        + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()), e);
            }
        }
        return new ParseReport(run.setAside, run.warnings);
    }

    /** A chat's header fields, read before its messages (tdesktop writes name, type, id, then messages). */
    private static final class Chat {
        String name;
        String type;
        String bareId;

        /** The chat id as the Bot API writes it. */
        String botApiId() {
            if (bareId.startsWith("-") || type == null) {
                return bareId;
            }
            return switch (type) {
                case "private_group" -> "-" + bareId;
                case "private_supergroup", "public_supergroup", "private_channel", "public_channel" -> "-100" + bareId;
                default -> bareId;
            };
        }

        boolean isOneToOne() {
            return "personal_chat".equals(type) || "bot_chat".equals(type);
        }
    }

    /** One parse: where it is in the file and what it has found out about the exporting account. */
    private static final class Run {
        private final ParseContext context;
        private final Consumer<? super ArchivedMessage> sink;
        private final RecordFactory records;
        private final Set<String> ownNames = new HashSet<>();
        private final List<SetAside> setAside = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private String ownUserId;
        private String ownName;

        Run(ParseContext context, Consumer<? super ArchivedMessage> sink) {
            this.context = context;
            this.sink = sink;
            this.records = new RecordFactory(Channel.TELEGRAM_EXPORT, context);
            context.request().ownNames().forEach(name -> ownNames.add(ExportText.nameKey(name)));
        }

        void readExport(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ImportRejectedException("not a Telegram Desktop export: the file is not a JSON object");
            }
            Chat single = new Chat();
            boolean found = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "personal_information" -> readOwner(MAPPER.readTree(p));
                    case "chats", "left_chats" -> {
                        readChatSection(p);
                        found = true;
                    }
                    case "messages" -> {
                        readMessages(p, single);
                        found = true;
                    }
                    default -> {
                        if (!readChatField(field, p, single)) {
                            p.skipChildren();
                        }
                    }
                }
            }
            if (!found) {
                throw new ImportRejectedException("not a Telegram Desktop export: no chats and no messages");
            }
        }

        /** The full export names the exporting account: its messages are outbound whatever the request says. */
        private void readOwner(JsonNode info) {
            if (info.hasNonNull("user_id")) {
                ownUserId = info.get("user_id").asText();
                String name = (info.path("first_name").asText("") + " " + info.path("last_name").asText("")).strip();
                ownName = name.isEmpty() ? null : name;
            }
        }

        private void readChatSection(JsonParser p) throws IOException {
            if (p.currentToken() == JsonToken.START_ARRAY) {
                readChatList(p);
                return;
            }
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("list".equals(field) && p.currentToken() == JsonToken.START_ARRAY) {
                    readChatList(p);
                } else {
                    p.skipChildren();
                }
            }
        }

        private void readChatList(JsonParser p) throws IOException {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                index++;
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    setAside.add(new SetAside("chat #" + index, "not a chat object"));
                    p.skipChildren();
                    continue;
                }
                Chat chat = new Chat();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if ("messages".equals(field)) {
                        readMessages(p, chat);
                    } else if (!readChatField(field, p, chat)) {
                        p.skipChildren();
                    }
                }
            }
        }

        private static boolean readChatField(String field, JsonParser p, Chat chat) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                return false;
            }
            switch (field) {
                case "name" -> chat.name = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                case "type" -> chat.type = p.getText();
                case "id" -> chat.bareId = p.getText();
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void readMessages(JsonParser p, Chat chat) throws IOException {
            if (chat.bareId == null) {
                throw new ImportRejectedException("a chat's messages come before its id; Telegram Desktop writes the id first");
            }
            if (p.currentToken() != JsonToken.START_ARRAY) {
                setAside.add(new SetAside("chat " + chat.bareId, "messages is not a list"));
                p.skipChildren();
                return;
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                index++;
                String where = "chat " + chat.bareId + ", message #" + index;
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    setAside.add(new SetAside(where, "not a message object"));
                    p.skipChildren();
                    continue;
                }
                JsonNode message = MAPPER.readTree(p);
                map(message, chat, where).ifPresent(sink);
            }
        }

        private Optional<ArchivedMessage> map(JsonNode m, Chat chat, String where) {
            if (!m.hasNonNull("id")) {
                setAside.add(new SetAside(where, "no message id"));
                return Optional.empty();
            }
            TreeMap<String, String> details = new TreeMap<>();
            Instant sentAt = sentAt(m, details);
            if (sentAt == null) {
                setAside.add(new SetAside(where, "no date_unixtime, and its local date needs a time zone the request did not give"));
                return Optional.empty();
            }
            String chatId = chat.botApiId();
            String type = m.path("type").asText("message");
            if (chat.name != null) {
                details.put("chatName", chat.name);
            }
            if (chat.type != null) {
                details.put("chatType", chat.type);
            }
            if (m.has("edited") || m.has("edited_unixtime")) {
                details.put("edited", "true");
                details.put("editHistory", "the export holds only the latest version");
                if (m.hasNonNull("edited_unixtime")) {
                    details.put("editedAt", Instant.ofEpochSecond(m.get("edited_unixtime").asLong()).toString());
                }
            }
            if (m.hasNonNull("action")) {
                details.put("action", m.get("action").asText());
            }
            if (m.hasNonNull("reactions")) {
                details.put("reactions", m.get("reactions").toString());
            }
            if (m.hasNonNull("media_type")) {
                details.put("mediaKind", m.get("media_type").asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = m.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!MAPPED.contains(field.getKey())) {
                    JsonNode value = field.getValue();
                    details.put("telegram." + field.getKey(), value.isValueNode() ? value.asText() : value.toString());
                }
            }

            String text = flatten(m.get("text"), details);
            Participant sender = sender(m, chat, chatId);
            boolean own = isOwn(m, sender);
            Direction direction = own ? Direction.OUTBOUND : Direction.INBOUND;
            List<Attachment> attachments = attachments(m, details);
            Location location = location(m);
            MessageKind kind = kind(type, m, attachments, location);
            MessageContent content = new MessageContent(kind, text, attachments, location, details);

            String replyTo = null;
            if (m.hasNonNull("reply_to_message_id")) {
                String peer = m.hasNonNull("reply_to_peer_id") ? botApiPeerId(m.get("reply_to_peer_id").asText()) : chatId;
                replyTo = peer + ":" + m.get("reply_to_message_id").asText();
            }
            Forward forward = null;
            if (m.has("forwarded_from") || m.has("forwarded_from_id")) {
                forward = new Forward(textOrNull(m, "forwarded_from"),
                        m.hasNonNull("forwarded_from_id") ? botApiPeerId(m.get("forwarded_from_id").asText()) : null, null, false);
            }
            return Optional.of(records.message(chatId + ":" + m.get("id").asText(), chatId, direction, sender,
                    recipients(chat, chatId, direction), sentAt, content, replyTo, forward));
        }

        /** The Unix time the export carries; older exports have only the exporting PC's local time. */
        private Instant sentAt(JsonNode m, Map<String, String> details) {
            if (m.hasNonNull("date")) {
                details.put("exportLocalTime", m.get("date").asText());
            }
            if (m.hasNonNull("date_unixtime")) {
                return Instant.ofEpochSecond(m.get("date_unixtime").asLong());
            }
            ZoneId zone = context.request().zone();
            if (zone == null || !m.hasNonNull("date")) {
                return null;
            }
            try {
                details.put("timeZone", zone.getId());
                return LocalDateTime.parse(m.get("date").asText()).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }

        private Participant sender(JsonNode m, Chat chat, String chatId) {
            String idField = m.has("from_id") ? "from_id" : m.has("actor_id") ? "actor_id" : null;
            if (idField == null) {
                // a channel post without signature: the channel itself speaks
                return new Participant(chatId, chat.name);
            }
            String nameField = "from_id".equals(idField) ? "from" : "actor";
            return new Participant(botApiPeerId(m.get(idField).asText()), textOrNull(m, nameField));
        }

        private boolean isOwn(JsonNode m, Participant sender) {
            if (ownUserId != null && ownUserId.equals(sender.platformId())) {
                return true;
            }
            String rawId = m.path("from_id").asText(m.path("actor_id").asText(""));
            return ownNames.contains(ExportText.nameKey(rawId))
                    || ownNames.contains(ExportText.nameKey(sender.platformId()))
                    || (sender.displayName() != null && ownNames.contains(ExportText.nameKey(sender.displayName())));
        }

        /** In a one-to-one chat the other side is known: the chat's peer, or the exporting account. */
        private List<Participant> recipients(Chat chat, String chatId, Direction direction) {
            if (!chat.isOneToOne()) {
                return List.of();
            }
            if (direction == Direction.OUTBOUND) {
                return List.of(new Participant(chatId, chat.name));
            }
            return ownUserId == null ? List.of() : List.of(new Participant(ownUserId, ownName));
        }

        private List<Attachment> attachments(JsonNode m, Map<String, String> details) {
            List<Attachment> found = new ArrayList<>();
            if (m.hasNonNull("photo")) {
                found.add(attachment(m.get("photo").asText(), null, null, longOrNull(m, "photo_file_size"), details));
            }
            if (m.hasNonNull("file")) {
                found.add(attachment(m.get("file").asText(), textOrNull(m, "file_name"), textOrNull(m, "mime_type"),
                        longOrNull(m, "file_size"), details));
            }
            if (m.hasNonNull("thumbnail")) {
                // the preview may be the only picture the export kept when the file itself was skipped
                found.add(attachment(m.get("thumbnail").asText(), null, null, longOrNull(m, "thumbnail_file_size"), details));
            }
            return found;
        }

        /**
         * tdesktop writes a relative path for an exported file, or a parenthesized sentence for one it skipped
         * ("(File not included. Change data exporting settings to download.)").
         */
        private Attachment attachment(String pathOrReason, String fileName, String mediaType, Long size, Map<String, String> details) {
            if (pathOrReason.startsWith("(") && pathOrReason.endsWith(")")) {
                details.putIfAbsent("attachmentNotIncluded", pathOrReason);
                return new Attachment(null, fileName, mediaType, size, null, Attachment.State.NOT_INCLUDED, null);
            }
            String name = fileName != null ? fileName : pathOrReason.substring(pathOrReason.lastIndexOf('/') + 1);
            Optional<ResolvedMedia> resolved = context.media().resolve(pathOrReason);
            if (resolved.isPresent()) {
                return new Attachment(pathOrReason, name, mediaType, resolved.get().size(), resolved.get().sha256(),
                        Attachment.State.STORED, null);
            }
            details.putIfAbsent("attachmentNotIncluded", "file not in the upload");
            return new Attachment(pathOrReason, name, mediaType, size, null, Attachment.State.NOT_INCLUDED, null);
        }

        private static Location location(JsonNode m) {
            JsonNode pin = m.get("location_information");
            if (pin == null || !pin.has("latitude") || !pin.has("longitude")) {
                return null;
            }
            return new Location(pin.get("latitude").asDouble(), pin.get("longitude").asDouble(),
                    textOrNull(m, "place_name"), textOrNull(m, "address"));
        }

        private static MessageKind kind(String type, JsonNode m, List<Attachment> attachments, Location location) {
            if ("service".equals(type)) {
                return MessageKind.SYSTEM;
            }
            if (!"message".equals(type)) {
                return MessageKind.UNSUPPORTED;
            }
            if (location != null) {
                return MessageKind.LOCATION;
            }
            if (m.has("contact_information")) {
                return MessageKind.CONTACTS;
            }
            if (m.has("poll")) {
                return MessageKind.INTERACTIVE;
            }
            return attachments.isEmpty() ? MessageKind.TEXT : MessageKind.MEDIA;
        }
    }

    /**
     * The text as a reader sees it: a string, or an array of strings and entity objects whose {@code text} is
     * concatenated verbatim. Link targets are not visible in that text, so they are kept in the details.
     */
    private static String flatten(JsonNode text, Map<String, String> details) {
        if (text == null || text.isNull()) {
            return null;
        }
        if (!text.isArray()) {
            return text.asText().isEmpty() ? null : text.asText();
        }
        StringBuilder plain = new StringBuilder();
        List<String> links = new ArrayList<>();
        for (JsonNode part : text) {
            if (part.isObject()) {
                plain.append(part.path("text").asText(""));
                if (part.hasNonNull("href")) {
                    links.add(part.get("href").asText());
                }
            } else {
                plain.append(part.asText());
            }
        }
        if (!links.isEmpty()) {
            details.put("links", String.join("\n", links));
        }
        return plain.isEmpty() ? null : plain.toString();
    }

    /** {@code user123} → {@code 123}, {@code channel123} → {@code -100123}, {@code chat123} → {@code -123}: Bot API ids. */
    static String botApiPeerId(String peer) {
        if (peer.startsWith("user")) {
            return peer.substring(4);
        }
        if (peer.startsWith("channel")) {
            return "-100" + peer.substring(7);
        }
        if (peer.startsWith("chat")) {
            return "-" + peer.substring(4);
        }
        return peer;
    }

    private static String textOrNull(JsonNode m, String field) {
        JsonNode value = m.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Long longOrNull(JsonNode m, String field) {
        JsonNode value = m.get(field);
        return value != null && value.canConvertToLong() ? value.asLong() : null;
    }
}
