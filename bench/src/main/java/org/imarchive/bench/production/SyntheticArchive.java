package org.imarchive.bench.production;

import org.imarchive.archive.model.ArchiveRecord;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.DeliveryEvent;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageDeletion;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Provenance;
import org.imarchive.archive.store.StoredMessage;
import org.imarchive.archive.store.StoredRecord;
import org.imarchive.production.ConversationMessages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates a realistic archive lazily (nothing held beyond the message being read): chats of both platforms with
 * texts in eight scripts, one message in twenty edited, one in fifty deleted, most with delivery statuses.
 */
final class SyntheticArchive {
    /** Sample texts by script, with the shipped font that draws each (for the raw PDFBox baseline). */
    static final String[][] TEXTS = {
            {"NotoSans-Regular.ttf", "Good morning, could you confirm the settlement date for the EUR/CHF forward we discussed yesterday? The client wants to roll it."},
            {"NotoSans-Regular.ttf", "Grüße aus Zürich: die Überweisung ist heute früh eingegangen, merci beaucoup et à bientôt."},
            {"NotoSans-Regular.ttf", "Добрый день, отправляю подтверждение сделки и выписку по счёту за март."},
            {"NotoSans-Regular.ttf", "Καλημέρα, η εντολή εκτελέστηκε στην τιμή που συμφωνήσαμε."},
            {"NotoSansArabic-Regular.ttf", "مرحبا، هل يمكنك إرسال تأكيد الصفقة اليوم من فضلك"},
            {"NotoSansHebrew-Regular.ttf", "שלום, האם אפשר לקבל את אישור העסקה עד סוף היום"},
            {"NotoSansSC-Regular.ttf", "你好，我们明天上午十点在办公室见面讨论投资组合。"},
            {"NotoSansJP-Regular.ttf", "こんにちは、明日の会議の資料を送ります。よろしくお願いします。"},
            {"NotoEmoji-Regular.ttf", "👍🎉📈💶✅"},
    };
    static final Instant START = Instant.parse("2025-01-06T08:00:00Z");

    private final int conversations;
    private final int messagesPerConversation;

    SyntheticArchive(int conversations, int messagesPerConversation) {
        this.conversations = conversations;
        this.messagesPerConversation = messagesPerConversation;
    }

    Stream<ConversationMessages> conversations() {
        return IntStream.range(0, conversations).mapToObj(c -> new ConversationMessages("conv-" + c,
                IntStream.range(0, messagesPerConversation).mapToObj(m -> message(c, m))));
    }

    /** The script sample message {@code m} of conversation {@code c} uses, the same in both benchmark arms. */
    static int textIndex(int c, int m) {
        return (c * 7 + m * 3) % TEXTS.length;
    }

    /** What an edit makes of a text. */
    static String edited(String text) {
        return text + " (corrected)";
    }

    static StoredMessage message(int c, int m) {
        Random random = new Random(c * 100_003L + m);
        Channel channel = c % 2 == 0 ? Channel.WHATSAPP_CLOUD : Channel.TELEGRAM_BOT;
        String account = c % 2 == 0 ? "+41440000000" : "biz-42";
        MessageKey key = new MessageKey(channel.platform(), account, "p-" + c + "-" + m);
        Participant rm = new Participant("rm-" + (c % 37), "Relationship Manager " + (c % 37));
        Participant customer = new Participant("+4179" + (1_000_000 + c), "Customer " + c);
        boolean outbound = random.nextBoolean();
        Instant sent = START.plusSeconds(c * 86_400L + m * 97L);
        String text = TEXTS[textIndex(c, m)][1];
        ArchivedMessage original = new ArchivedMessage("id-" + c + "-" + m, key, channel, "chat-" + c,
                outbound ? Direction.OUTBOUND : Direction.INBOUND, outbound ? rm : customer, List.of(outbound ? customer : rm),
                sent, sent.plusSeconds(1), MessageContent.text(text), m > 0 && random.nextInt(10) == 0 ? "p-" + c + "-" + (m - 1) : null,
                null, Provenance.webhook(m));
        List<ArchiveRecord> records = new ArrayList<>(List.of(original));
        if (m % 20 == 7) {
            records.add(new MessageEdit("e-" + c + "-" + m, key, null, sent.plusSeconds(30), sent.plusSeconds(31),
                    MessageContent.text(edited(text)), Provenance.webhook(m)));
        }
        if (m % 50 == 11) {
            records.add(new MessageDeletion("d-" + c + "-" + m, key, sent.plusSeconds(60), sent.plusSeconds(61), Provenance.webhook(m)));
        }
        if (outbound) {
            records.add(new DeliveryEvent("s-" + c + "-" + m, key, "delivered", sent.plusSeconds(2), sent.plusSeconds(2), null, null, Provenance.webhook(m)));
            records.add(new DeliveryEvent("r-" + c + "-" + m, key, "read", sent.plusSeconds(40), sent.plusSeconds(40), null, null, Provenance.webhook(m)));
        }
        List<StoredRecord> stored = new ArrayList<>();
        int version = 1;
        for (int i = 0; i < records.size(); i++) {
            ArchiveRecord record = records.get(i);
            boolean isVersion = record instanceof ArchivedMessage || record instanceof MessageEdit;
            // a stand-in hash: the benchmark measures layout, not hashing of records the store already hashed
            String sha = String.format("%064x", (long) c * 1_000_000 + m * 10L + i);
            stored.add(new StoredRecord(record.id(), sha, isVersion ? version++ : null, record));
        }
        return new StoredMessage(original.id(), key, "conv-" + c, false, stored);
    }
}
