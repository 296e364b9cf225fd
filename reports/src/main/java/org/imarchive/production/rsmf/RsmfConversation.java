package org.imarchive.production.rsmf;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.support.Sha256;
import org.imarchive.production.BlobSource;
import org.imarchive.production.eml.HeaderText;
import org.imarchive.production.eml.MailAddresses;
import org.imarchive.production.eml.MimeWriter;
import org.imarchive.production.view.AttachmentView;
import org.imarchive.production.view.MessageView;
import org.imarchive.production.view.VersionView;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * One conversation's RSMF file, built as its messages arrive: events go to a scratch file as JSON lines and
 * attachments straight into a scratch {@code rsmf.zip}; at the end the manifest is written into that zip (reactions
 * folded onto the events they react to, as RSMF models them) and the zip is wrapped in the RSMF EML.
 */
public final class RsmfConversation implements Closeable {
    public static final String VERSION = "2.0.0";
    public static final String MANIFEST = "rsmf_manifest.json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final BlobSource blobs;
    private final String conversationId;
    private final String title;
    private final Platform platform;
    private final String custodian;
    private final Path eventScratch;
    private final Path zipScratch;
    private final BufferedWriter events;
    private final ZipOutputStream zip;
    private final Map<String, String> participants = new LinkedHashMap<>();
    private final Set<String> zippedAttachments = new HashSet<>();
    private final Map<String, List<Reaction>> reactions = new HashMap<>();
    private Instant begin;
    private Instant end;
    private long attachmentCount;

    private record Reaction(String value, String participant, ObjectNode asEvent) {
    }

    public RsmfConversation(Path scratchDir, BlobSource blobs, String conversationId, String title, Platform platform, String custodian)
            throws IOException {
        this.blobs = blobs;
        this.conversationId = conversationId;
        this.title = title;
        this.platform = platform;
        this.custodian = custodian;
        this.eventScratch = Files.createTempFile(scratchDir, "rsmf-events", ".jsonl");
        this.zipScratch = Files.createTempFile(scratchDir, "rsmf", ".zip");
        this.events = Files.newBufferedWriter(eventScratch, StandardCharsets.UTF_8);
        this.zip = new ZipOutputStream(Files.newOutputStream(zipScratch), StandardCharsets.UTF_8);
    }

    public void add(MessageView message) throws IOException {
        String participant = participant(message.sender());
        message.recipients().forEach(this::participant);
        ObjectNode event = JSON.createObjectNode();
        event.put("id", message.platformMessageId());
        event.put("type", "message");
        event.put("participant", participant);
        event.put("conversation", conversationId);
        event.put("body", message.reaction() != null ? "Reacted " + message.reaction() : message.currentText());
        event.put("timestamp", message.sentAt().toString());
        if (message.direction() != null) {
            event.put("direction", message.direction() == Direction.INBOUND ? "incoming" : "outgoing");
        }
        if (message.replyToPlatformMessageId() != null && message.reaction() == null) {
            event.put("parent", message.replyToPlatformMessageId());
        }
        if (message.deletedAt().isPresent()) {
            event.put("deleted", true);
        }
        edits(message, participant, event);
        attachments(message, event);
        ArrayNode custom = event.putArray("custom");
        custom.addObject().put("name", "IMArchive-Message-Id").put("value", message.messageId());
        message.records().forEach(r -> custom.addObject().put("name", "IMArchive-Record").put("value", r[0] + " " + r[1] + " " + r[2]));
        message.deletedAt().ifPresent(at -> custom.addObject().put("name", "IMArchive-Deleted-At").put("value", at.toString()));
        message.deliveries().forEach(d -> custom.addObject().put("name", "IMArchive-Delivery")
                .put("value", d.status() + " " + (d.at() != null ? d.at() : d.capturedAt())));
        widen(message.sentAt());
        if (message.reaction() != null && message.replyToPlatformMessageId() != null) {
            // RSMF keeps reactions on the event they react to; placed when the manifest is written
            reactions.computeIfAbsent(message.replyToPlatformMessageId(), k -> new ArrayList<>())
                    .add(new Reaction(message.reaction(), participant, event));
            return;
        }
        events.write(JSON.writeValueAsString(event));
        events.newLine();
    }

    private void edits(MessageView message, String participant, ObjectNode event) {
        List<VersionView> versions = message.versions();
        if (versions.size() < 2) {
            return;
        }
        ArrayNode edits = event.putArray("edits");
        for (int i = 1; i < versions.size(); i++) {
            edits.addObject().put("participant", participant).put("timestamp", versions.get(i).at().toString())
                    .put("previous", versions.get(i - 1).text()).put("new", versions.get(i).text());
        }
    }

    private void attachments(MessageView message, ObjectNode event) throws IOException {
        ArrayNode list = null;
        for (AttachmentView attachment : message.attachments()) {
            if (!attachment.stored()) {
                continue;
            }
            if (list == null) {
                list = event.putArray("attachments");
            }
            // the attachment's id is its file name inside rsmf.zip: the SHA-256, so one file serves every event that sent it
            ObjectNode entry = list.addObject().put("id", attachment.sha256()).put("display", attachment.fileName());
            if (attachment.size() != null) {
                entry.put("size", attachment.size());
            }
            attachmentCount++;
            if (zippedAttachments.add(attachment.sha256())) {
                zip.putNextEntry(new ZipEntry(attachment.sha256()));
                try (InputStream in = blobs.open(attachment.sha256())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    private String participant(Participant participant) {
        if (participant == null) {
            participants.putIfAbsent("unknown", "unknown (original not captured)");
            return "unknown";
        }
        participants.putIfAbsent(participant.platformId(),
                participant.displayName() == null ? participant.platformId() : participant.displayName());
        return participant.platformId();
    }

    private void widen(Instant time) {
        begin = begin == null || time.isBefore(begin) ? time : begin;
        end = end == null || time.isAfter(end) ? time : end;
    }

    /** Finishes {@code rsmf.zip} and writes the RSMF EML around it; the stream stays open. */
    public void writeTo(OutputStream out) throws IOException {
        events.close();
        long eventCount = writeManifest();
        zip.close();
        MimeWriter mime = new MimeWriter(out, "=_imarchive_rsmf_" + Sha256.hex(conversationId.getBytes(StandardCharsets.UTF_8)).substring(0, 24));
        mime.header("From", HeaderText.mailbox(null, MailAddresses.address(custodian, platform)));
        mime.header("To", HeaderText.mailbox(null, MailAddresses.address(conversationId, platform)));
        mime.header("Subject", HeaderText.encode("RSMF " + title));
        if (begin != null) {
            mime.header("Date", MimeWriter.date(begin));
        }
        mime.header("X-RSMF-Version", VERSION);
        mime.header("X-RSMF-Generator", "IMArchive");
        mime.header("X-RSMF-Application", platform.wireName());
        mime.header("X-RSMF-Custodian", HeaderText.encode(custodian));
        mime.header("X-RSMF-EventCount", Long.toString(eventCount));
        mime.header("X-RSMF-AttachmentCount", Long.toString(attachmentCount));
        mime.header("X-RSMF-EventCollectionID", conversationId);
        if (begin != null) {
            mime.header("X-RSMF-BeginDate", begin.toString());
            mime.header("X-RSMF-EndDate", end.toString());
        }
        mime.header("X-RSMF-Participants", HeaderText.encode(String.join(", ", participants.values())));
        mime.startBody();
        mime.textPart("Relativity Short Message Format " + VERSION + " file of conversation " + conversationId
                + ": the conversation is in the attached rsmf.zip.");
        try (InputStream in = Files.newInputStream(zipScratch)) {
            mime.attachmentPart("application/zip", "rsmf.zip", in);
        }
        mime.end();
    }

    private long writeManifest() throws IOException {
        zip.putNextEntry(new ZipEntry(MANIFEST));
        var json = JSON.getFactory().createGenerator(new java.io.FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        });
        json.writeStartObject();
        json.writeStringField("version", VERSION);
        json.writeArrayFieldStart("participants");
        for (Map.Entry<String, String> participant : participants.entrySet()) {
            json.writeStartObject();
            json.writeStringField("id", participant.getKey());
            json.writeStringField("display", participant.getValue());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("conversations");
        json.writeStartObject();
        json.writeStringField("id", conversationId);
        json.writeStringField("display", title);
        json.writeStringField("platform", platform.wireName());
        json.writeStringField("type", participants.size() <= 2 ? "direct" : "channel");
        json.writeArrayFieldStart("participants");
        for (String id : participants.keySet()) {
            json.writeString(id);
        }
        json.writeEndArray();
        json.writeStringField("custodian", custodian);
        json.writeEndObject();
        json.writeEndArray();
        json.writeArrayFieldStart("events");
        long count = 0;
        try (BufferedReader lines = Files.newBufferedReader(eventScratch, StandardCharsets.UTF_8)) {
            for (String line; (line = lines.readLine()) != null; ) {
                ObjectNode event = (ObjectNode) JSON.readTree(line);
                List<Reaction> onEvent = reactions.remove(event.path("id").asText());
                if (onEvent != null) {
                    addReactions(event, onEvent);
                }
                JSON.writeTree(json, event);
                count++;
            }
        }
        // reactions to messages outside the production stay visible as events of their own
        for (List<Reaction> orphans : reactions.values()) {
            for (Reaction reaction : orphans) {
                JSON.writeTree(json, reaction.asEvent());
                count++;
            }
        }
        json.writeEndArray();
        json.writeEndObject();
        json.close();
        zip.closeEntry();
        return count;
    }

    private static void addReactions(ObjectNode event, List<Reaction> onEvent) {
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        for (Reaction reaction : onEvent) {
            if (!reaction.value().isEmpty()) {
                byValue.computeIfAbsent(reaction.value(), v -> new ArrayList<>()).add(reaction.participant());
            }
        }
        ArrayNode list = event.putArray("reactions");
        byValue.forEach((value, who) -> {
            ObjectNode entry = list.addObject().put("value", value).put("count", who.size());
            who.forEach(entry.putArray("participants")::add);
        });
    }

    @Override
    public void close() throws IOException {
        events.close();
        zip.close();
        Files.deleteIfExists(eventScratch);
        Files.deleteIfExists(zipScratch);
    }
}
