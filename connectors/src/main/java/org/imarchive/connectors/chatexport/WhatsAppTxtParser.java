package org.imarchive.connectors.chatexport;

import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Location;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.support.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Reads a WhatsApp "Export chat" text file (Android {@code date, time - author: text} or iOS
 * {@code [date, time] author: text}) in any locale's date and time format.
 *
 * <p>The export has no message ids, no time zone and no account numbers, so the parser derives them: the zone comes
 * from the request; the message id is a hash of the chat, the local time, the author, the text and how many identical
 * messages came before it in that minute, so the same file, or a later export overlapping it, gives the same ids
 * (ADR 0004). Lines that carry no header belong to the message above them; lines before the first header are set
 * aside and reported by number.
 */
public final class WhatsAppTxtParser {

    /** Who "wrote" a system line (encryption notice, group changes): nobody in the chat. */
    public static final String SYSTEM_SENDER = "system";

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final char LRM = '\u200E';

    /** One message's lines as read, before it is classified. */
    private record Raw(int line, LocalDateTime localTime, String author, String text, boolean marked, boolean ios) {
    }

    /**
     * @param exportText the file's text (UTF-8 decoded)
     * @param chatName   the chat's identity, part of every message id (the name in "WhatsApp Chat with ...")
     * @param sink       receives the messages in file order
     * @throws ImportRejectedException when the request has no time zone or the text holds no message header
     */
    public ParseReport parse(String exportText, String chatName, ParseContext context, Consumer<? super ArchivedMessage> sink) {
        ZoneId zone = context.request().zone();
        if (zone == null) {
            throw new ImportRejectedException("a WhatsApp export carries no time zone: the import needs the exporting phone's time zone");
        }
        if (chatName == null || chatName.isBlank()) {
            throw new ImportRejectedException("a WhatsApp export needs the chat's name to identify its messages");
        }
        List<String> lines = lines(exportText);
        WhatsAppHeaders.Detected detected = WhatsAppHeaders.detect(lines);
        List<SetAside> setAside = new ArrayList<>();
        List<String> warnings = new ArrayList<>(detected.warnings());
        for (int misfit : detected.misfits()) {
            if (misfit > firstHeader(detected)) {
                warnings.add("line " + (misfit + 1) + " looks like a message header but does not fit the file's date format;"
                        + " kept as part of the message above it");
            }
        }

        List<Raw> raws = group(lines, detected, setAside);
        Set<String> ownNames = ownNames(context.request(), raws, warnings);
        Emitter emitter = new Emitter(new RecordFactory(Channel.WHATSAPP_EXPORT, context), context, ExportText.cleanName(chatName),
                zone, ownNames);
        for (Raw raw : raws) {
            sink.accept(emitter.emit(raw));
        }
        return new ParseReport(setAside, warnings);
    }

    private static int firstHeader(WhatsAppHeaders.Detected detected) {
        return detected.headers().keySet().iterator().next();
    }

    /** Splits on line ends; the file's final line end ends the last line and is no empty line of its own. */
    private static List<String> lines(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }

    /** Gathers each header with the lines below it; lines above the first header are set aside. */
    private static List<Raw> group(List<String> lines, WhatsAppHeaders.Detected detected, List<SetAside> setAside) {
        List<Raw> raws = new ArrayList<>();
        WhatsAppHeaders.Header current = null;
        int currentLine = -1;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            WhatsAppHeaders.Header header = detected.headers().get(i);
            if (header != null) {
                if (current != null) {
                    raws.add(raw(currentLine, current, text.toString()));
                }
                current = header;
                currentLine = i;
                text.setLength(0);
                text.append(header.rest());
            } else if (current != null) {
                text.append('\n').append(lines.get(i));
            } else {
                setAside.add(new SetAside("line " + (i + 1), "before the first message header"));
            }
        }
        raws.add(raw(currentLine, current, text.toString()));
        return raws;
    }

    /**
     * Splits "author: text". The author ends at the first ": " of the header line; a line without one is a system
     * line (Android). iOS marks system and media lines with U+200E before the text.
     */
    private static Raw raw(int line, WhatsAppHeaders.Header header, String rest) {
        int firstLineEnd = rest.indexOf('\n');
        String firstLine = firstLineEnd < 0 ? rest : rest.substring(0, firstLineEnd);
        int colon = firstLine.indexOf(": ");
        String author = null;
        String text = rest;
        if (colon > 0) {
            author = ExportText.cleanName(rest.substring(0, colon));
            text = rest.substring(colon + 2);
        } else if (firstLine.endsWith(":") && firstLine.length() > 1) {
            author = ExportText.cleanName(firstLine.substring(0, firstLine.length() - 1));
            text = firstLineEnd < 0 ? "" : rest.substring(firstLineEnd + 1);
        }
        boolean marked = !text.isEmpty() && text.charAt(0) == LRM;
        if (marked) {
            text = text.substring(1);
        }
        return new Raw(line + 1, header.localTime(), author, text, marked, header.ios());
    }

    /**
     * The custodian's names: those the request gives, and any author of "You deleted this message", which WhatsApp
     * writes only for the exporting phone's own messages.
     */
    private static Set<String> ownNames(ImportRequest request, List<Raw> raws, List<String> warnings) {
        Set<String> own = new HashSet<>();
        request.ownNames().forEach(name -> own.add(ExportText.nameKey(name)));
        for (Raw raw : raws) {
            if (raw.author() != null && WhatsAppMarkers.deletedBySelf(raw.text()) && own.add(ExportText.nameKey(raw.author()))) {
                warnings.add("line " + raw.line() + ": the author of \"You deleted this message\" is the exporting phone's owner;"
                        + " their messages are imported as outbound");
            }
        }
        return own;
    }

    /** Turns grouped lines into records, counting identical messages so each gets its own id. */
    private static final class Emitter {
        private final RecordFactory records;
        private final ParseContext context;
        private final String chatName;
        private final ZoneId zone;
        private final Set<String> ownNames;
        private final Map<String, Integer> occurrences = new HashMap<>();

        Emitter(RecordFactory records, ParseContext context, String chatName, ZoneId zone, Set<String> ownNames) {
            this.records = records;
            this.context = context;
            this.chatName = chatName;
            this.zone = zone;
            this.ownNames = ownNames;
        }

        ArchivedMessage emit(Raw raw) {
            TreeMap<String, String> details = new TreeMap<>();
            details.put("exportLocalTime", raw.localTime().format(SECONDS));
            details.put("timeZone", zone.getId());
            details.put("sourceLine", Integer.toString(raw.line()));
            Instant sentAt = instant(raw.localTime(), details);

            boolean system = raw.author() == null || (raw.ios() && raw.marked() && !isMediaOrDeletion(raw.text()));
            MessageContent content = system ? systemContent(raw, details) : content(raw.text(), details);
            Direction direction = !system && ownNames.contains(ExportText.nameKey(raw.author())) ? Direction.OUTBOUND : Direction.INBOUND;
            Participant sender = sender(raw, system, direction);
            return records.message(messageId(raw), chatName, direction, sender, List.of(), sentAt, content, null, null);
        }

        /** Local times a DST change skips or repeats are kept as Java resolves them, and flagged. */
        private Instant instant(LocalDateTime local, Map<String, String> details) {
            int offsets = zone.getRules().getValidOffsets(local).size();
            if (offsets == 0) {
                details.put("localTimeAmbiguity", "in a daylight-saving gap; moved forward");
            } else if (offsets == 2) {
                details.put("localTimeAmbiguity", "in a daylight-saving overlap; earlier offset used");
            }
            return ZonedDateTime.ofLocal(local, zone, null).toInstant();
        }

        private Participant sender(Raw raw, boolean system, Direction direction) {
            if (system) {
                return new Participant(SYSTEM_SENDER, null);
            }
            if (direction == Direction.OUTBOUND) {
                return new Participant(context.request().accountId(), raw.author());
            }
            String phone = ExportText.e164(raw.author());
            return new Participant(phone != null ? phone : raw.author(), raw.author());
        }

        /**
         * Hash of what identifies the message in any export of this chat: never the line number, which shifts when a
         * later export starts earlier. Identical messages in one minute are told apart by their order.
         */
        private String messageId(Raw raw) {
            String base = chatName + '\u0000' + raw.localTime().format(SECONDS) + '\u0000'
                    + (raw.author() == null ? "" : raw.author()) + '\u0000' + raw.text();
            int occurrence = occurrences.merge(base, 1, Integer::sum) - 1;
            String digest = Sha256.hex((base + '\u0000' + occurrence).getBytes(StandardCharsets.UTF_8));
            return "wa-export:" + digest.substring(0, 32);
        }

        private MessageContent systemContent(Raw raw, Map<String, String> details) {
            if (raw.author() != null) {
                // iOS names the chat as the author of its system lines
                details.put("exportAuthor", raw.author());
            }
            return MessageContent.of(MessageKind.SYSTEM, raw.text(), List.of(), details);
        }

        private static boolean isMediaOrDeletion(String text) {
            String firstLine = firstLine(text);
            return WhatsAppMarkers.MEDIA_OMITTED.contains(firstLine.strip())
                    || WhatsAppMarkers.IOS_OMITTED.matcher(firstLine).matches()
                    || WhatsAppMarkers.ATTACHED.matcher(firstLine).matches()
                    || WhatsAppMarkers.FILE_ATTACHED.matcher(firstLine).matches()
                    || WhatsAppMarkers.deletedByOther(text) || WhatsAppMarkers.deletedBySelf(text);
        }

        private MessageContent content(String rawText, Map<String, String> details) {
            String text = rawText;
            Matcher edited = WhatsAppMarkers.EDITED_SUFFIX.matcher(text);
            if (edited.find()) {
                text = text.substring(0, edited.start());
                details.put("edited", "true");
                details.put("editHistory", "the export holds only the latest version");
            }
            String firstLine = firstLine(text);
            String caption = text.length() > firstLine.length() ? text.substring(firstLine.length() + 1) : null;

            if (WhatsAppMarkers.MEDIA_OMITTED.contains(firstLine.strip())) {
                details.put("attachmentNotIncluded", "media omitted from the export");
                return media(caption, notIncluded(null), details);
            }
            Matcher omitted = WhatsAppMarkers.IOS_OMITTED.matcher(firstLine);
            if (omitted.matches()) {
                details.put("attachmentNotIncluded", "media omitted from the export");
                details.put("mediaKind", omitted.group("kind").toLowerCase(java.util.Locale.ROOT));
                return media(caption, notIncluded(null), details);
            }
            Matcher attachedIos = WhatsAppMarkers.ATTACHED.matcher(firstLine);
            if (attachedIos.matches()) {
                String label = ExportText.cleanName(attachedIos.group("label"));
                if (!label.isEmpty()) {
                    details.put("attachmentLabel", label);
                }
                return media(caption, file(attachedIos.group("name").strip(), details), details);
            }
            Matcher attached = WhatsAppMarkers.FILE_ATTACHED.matcher(firstLine);
            if (attached.matches()) {
                return media(caption, file(ExportText.cleanName(attached.group("name")), details), details);
            }
            if (WhatsAppMarkers.deletedByOther(text) || WhatsAppMarkers.deletedBySelf(text)) {
                details.put("deleted", "true");
                return MessageContent.of(MessageKind.TEXT, text, List.of(), details);
            }
            if (WhatsAppMarkers.VIEW_ONCE.equals(text)) {
                details.put("viewOnce", "true");
                details.put("attachmentNotIncluded", "view-once media is never exported");
                return media(null, notIncluded(null), details);
            }
            Matcher location = WhatsAppMarkers.LOCATION.matcher(text);
            if (location.matches()) {
                Location pin = new Location(Double.parseDouble(location.group("lat")), Double.parseDouble(location.group("lon")), null, null);
                return new MessageContent(MessageKind.LOCATION, text, List.of(), pin, new TreeMap<>(details));
            }
            return MessageContent.of(MessageKind.TEXT, text, List.of(), details);
        }

        private Attachment file(String name, Map<String, String> details) {
            Optional<ResolvedMedia> resolved = context.media().resolve(name);
            if (resolved.isPresent()) {
                return new Attachment(name, name, null, resolved.get().size(), resolved.get().sha256(), Attachment.State.STORED, null);
            }
            details.put("attachmentNotIncluded", "file not in the upload");
            return notIncluded(name);
        }

        private static Attachment notIncluded(String name) {
            return new Attachment(name, name, null, null, null, Attachment.State.NOT_INCLUDED, null);
        }

        private static MessageContent media(String caption, Attachment attachment, Map<String, String> details) {
            return MessageContent.of(MessageKind.MEDIA, caption, List.of(attachment), details);
        }

        private static String firstLine(String text) {
            int end = text.indexOf('\n');
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
