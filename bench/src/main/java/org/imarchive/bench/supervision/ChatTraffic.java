package org.imarchive.bench.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chat messages as an RM's account sees them: mostly short, some long (a pasted e-mail, an attachment's text), in
 * English and the languages of a European and Asian desk, with lexicon words and numbers in some of them.
 */
final class ChatTraffic {

    private static final String[] ENGLISH = ("hi thanks for your message the statement is ready please find attached "
            + "we can meet on thursday at the branch your portfolio performed in line with the benchmark the fund "
            + "charges are low I will call you tomorrow morning about the transfer the bond pays a coupon annually "
            + "excellent news congratulations let me check with the desk and revert ok see you then sorry for the "
            + "delay the market was volatile this week rates may move after the meeting").split(" ");
    private static final String[] GERMAN = ("guten tag vielen dank für ihre nachricht die unterlagen sind unterwegs "
            + "wir können uns am donnerstag treffen die überweisung wurde gebucht ich rufe sie morgen an").split(" ");
    private static final String[] FRENCH = ("bonjour merci pour votre message le relevé est disponible je vous "
            + "rappelle demain matin le virement a été effectué nous pouvons nous voir jeudi à l'agence").split(" ");
    private static final String[] SPANISH = ("hola gracias por su mensaje el extracto está listo le llamo mañana "
            + "la transferencia se ha realizado podemos vernos el jueves en la oficina").split(" ");
    private static final String[] JAPANESE = {"ご連絡ありがとうございます。", "明日お電話します。", "資料を添付しました。",
            "ご確認をお願いします。", "木曜日に支店でお会いしましょう。"};
    private static final String[] THAI = {"ขอบคุณสำหรับข้อความครับ ", "พรุ่งนี้ผมจะโทรหาครับ ", "เอกสารแนบมาแล้วครับ "};

    private ChatTraffic() {
    }

    static List<String> messages(int count, Random random) {
        List<String> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(message(random));
        }
        return messages;
    }

    private static String message(Random random) {
        int roll = random.nextInt(100);
        int words = roll < 60 ? 3 + random.nextInt(13) : roll < 90 ? 15 + random.nextInt(46) : 100 + random.nextInt(301);
        int language = random.nextInt(100);
        StringBuilder text = new StringBuilder();
        if (language >= 90) {
            String[] sentences = language >= 95 ? THAI : JAPANESE;
            for (int i = 0; i < Math.max(1, words / 6); i++) {
                text.append(sentences[random.nextInt(sentences.length)]);
            }
            return text.toString();
        }
        String[] vocabulary = language < 60 ? ENGLISH : language < 70 ? GERMAN : language < 80 ? FRENCH : SPANISH;
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(random.nextInt(12) == 0 ? ". " : " ");
            }
            int kind = random.nextInt(1000);
            if (kind < 8) {
                text.append(BenchLexicon.WORDS[random.nextInt(BenchLexicon.WORDS.length)]);
            } else if (kind < 10) {
                text.append(random.nextBoolean() ? "4111 1111 1111 1111" : "order #" + (100000 + random.nextInt(900000)));
            } else {
                text.append(vocabulary[random.nextInt(vocabulary.length)]);
            }
        }
        if (random.nextBoolean()) {
            text.setCharAt(0, Character.toUpperCase(text.charAt(0)));
        }
        return text.append(random.nextInt(4) == 0 ? " 👍" : ".").toString();
    }
}
