package org.imarchive.production;

import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;
import org.imarchive.archive.support.CanonicalJson;
import org.imarchive.archive.support.Sha256;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A small archive in memory with what a production must show: both platforms, every script, an edit, a deletion,
 * deliveries, a reply, a reaction, a PNG and a text document with its extracted text.
 */
final class MixedArchive {
    static final String LATIN = "Grüße aus Zürich, façade déjà vu";
    static final String CYRILLIC = "Привет, как дела";
    static final String GREEK = "Καλημέρα σας";
    static final String ARABIC = "مرحبا بالعالم";
    static final String HEBREW = "שלום עולם";
    static final String CHINESE = "你好，我们明天见";
    static final String JAPANESE = "こんにちは、東京で会いましょう";
    static final String EMOJI = "Deal done 👍🎉";
    static final String EDITED_FIRST = "Price is 100 EUR";
    static final String EDITED_SECOND = "Price is 120 EUR";
    static final String DELETED_TEXT = "Please delete this offer";
    static final String DOCUMENT_TEXT = "Term sheet: notional five million";

    final Map<String, byte[]> blobs = new HashMap<>();
    final Map<String, String> extracted = new HashMap<>();
    final Map<String, List<StoredMessage>> conversations = new LinkedHashMap<>();
    final String pngSha256;
    final String documentSha256;
    private long sequence;

    MixedArchive() {
        byte[] png = png();
        pngSha256 = Sha256.hex(png);
        blobs.put(pngSha256, png);
        byte[] document = (DOCUMENT_TEXT + "\n").getBytes(StandardCharsets.UTF_8);
        documentSha256 = Sha256.hex(document);
        blobs.put(documentSha256, document);
        extracted.put(documentSha256, DOCUMENT_TEXT);

        Participant rm = new Participant("+41791234567", "Anna Müller");
        Participant customer = new Participant("+41798765432", "Jörg Öztürk");
        String wa = "conv-whatsapp-1";
        add(wa, message(Channel.TWILIO, "wa-1", rm, customer, Direction.OUTBOUND, 0, MessageContent.text(LATIN)), delivered("wa-1", Channel.TWILIO, 1));
        add(wa, message(Channel.TWILIO, "wa-2", customer, rm, Direction.INBOUND, 60, MessageContent.text(CYRILLIC + " / " + GREEK)));
        ArchivedMessage priced = message(Channel.TWILIO, "wa-3", rm, customer, Direction.OUTBOUND, 120, MessageContent.text(EDITED_FIRST));
        add(wa, priced, edit(priced, 150, EDITED_SECOND));
        ArchivedMessage offer = message(Channel.TWILIO, "wa-4", rm, customer, Direction.OUTBOUND, 180, MessageContent.text(DELETED_TEXT));
        add(wa, offer, deletion(offer, 200));
        add(wa, message(Channel.TWILIO, "wa-5", customer, rm, Direction.INBOUND, 240, new MessageContent(MessageKind.MEDIA, "Chart attached",
                List.of(new Attachment("m1", "chart.png", "image/png", (long) png.length, pngSha256, Attachment.State.STORED, null),
                        new Attachment("m2", "terms.txt", "text/plain", (long) document.length, documentSha256, Attachment.State.STORED, null)),
                null, null)));
        add(wa, reply(message(Channel.TWILIO, "wa-6", rm, customer, Direction.OUTBOUND, 300, MessageContent.text(EMOJI)), "wa-3"));
        add(wa, reply(message(Channel.TWILIO, "wa-7", customer, rm, Direction.INBOUND, 320,
                MessageContent.of(MessageKind.REACTION, null, List.of(), Map.of("reaction.emoji", "❤️"))), "wa-6"));

        Participant tgRm = new Participant("777001", "Sara Cohen");
        Participant tgCustomer = new Participant("888002", "Ahmed Karim");
        String tg = "conv-telegram-1";
        add(tg, message(Channel.TELEGRAM_BOT, "tg-1", tgCustomer, tgRm, Direction.INBOUND, 400, MessageContent.text(ARABIC)));
        add(tg, message(Channel.TELEGRAM_BOT, "tg-2", tgRm, tgCustomer, Direction.OUTBOUND, 460, MessageContent.text(HEBREW)));
        add(tg, message(Channel.TELEGRAM_BOT, "tg-3", tgCustomer, tgRm, Direction.INBOUND, 520, MessageContent.text(CHINESE)));
        add(tg, message(Channel.TELEGRAM_BOT, "tg-4", tgRm, tgCustomer, Direction.OUTBOUND, 580, MessageContent.text(JAPANESE)));
    }

    static final Instant T0 = Instant.parse("2025-03-14T08:30:00Z");

    Stream<ConversationMessages> input() {
        return conversations.entrySet().stream().map(e -> new ConversationMessages(e.getKey(), e.getValue().stream()));
    }

    List<StoredMessage> allMessages() {
        return conversations.values().stream().flatMap(List::stream).toList();
    }

    BlobSource blobSource() {
        return sha -> {
            byte[] bytes = blobs.get(sha);
            if (bytes == null) {
                throw new FileNotFoundException(sha);
            }
            return new ByteArrayInputStream(bytes);
        };
    }

    Optional<String> extractedText(String sha256) {
        return Optional.ofNullable(extracted.get(sha256));
    }

    private void add(String conversation, ArchiveRecord... records) {
        List<StoredRecord> stored = new ArrayList<>();
        int version = 1;
        for (ArchiveRecord record : records) {
            boolean isVersion = record instanceof ArchivedMessage || record instanceof MessageEdit;
            stored.add(new StoredRecord("rec-" + (++sequence), Sha256.hex(CanonicalJson.bytes(record)), isVersion ? version++ : null, record));
        }
        conversations.computeIfAbsent(conversation, c -> new ArrayList<>())
                .add(new StoredMessage(records[0].id(), records[0].messageKey(), conversation, false, stored));
    }

    private static ArchivedMessage message(Channel channel, String platformId, Participant from, Participant to, Direction direction,
                                           long seconds, MessageContent content) {
        MessageKey key = new MessageKey(channel.platform(), channel.platform() == org.imarchive.archive.model.Platform.WHATSAPP ? "+41440000000" : "biz-42", platformId);
        Instant at = T0.plusSeconds(seconds);
        return new ArchivedMessage("msg-" + platformId, key, channel, "chat-" + channel.platform().wireName(), direction, from, List.of(to),
                at, at.plusSeconds(1), content, null, null, Provenance.webhook(seconds));
    }

    private static ArchivedMessage reply(ArchivedMessage m, String replyTo) {
        return new ArchivedMessage(m.id(), m.messageKey(), m.channel(), m.platformConversationId(), m.direction(), m.sender(),
                m.recipients(), m.sentAt(), m.capturedAt(), m.content(), replyTo, null, m.provenance());
    }

    private static MessageEdit edit(ArchivedMessage original, long seconds, String text) {
        Instant at = T0.plusSeconds(seconds);
        return new MessageEdit("edit-" + original.id(), original.messageKey(), null, at, at, MessageContent.text(text), Provenance.webhook(seconds));
    }

    private static MessageDeletion deletion(ArchivedMessage original, long seconds) {
        Instant at = T0.plusSeconds(seconds);
        return new MessageDeletion("del-" + original.id(), original.messageKey(), at, at, Provenance.webhook(seconds));
    }

    private static DeliveryEvent delivered(String platformId, Channel channel, long seconds) {
        Instant at = T0.plusSeconds(seconds);
        return new DeliveryEvent("dlv-" + platformId, new MessageKey(channel.platform(), "+41440000000", platformId), "delivered", at, at,
                null, null, Provenance.webhook(seconds));
    }

    private static byte[] png() {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 90, 160));
        g.fillRect(0, 0, 120, 80);
        g.setColor(Color.ORANGE);
        g.fillOval(20, 10, 60, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
