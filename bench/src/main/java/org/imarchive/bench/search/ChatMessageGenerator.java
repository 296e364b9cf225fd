package org.imarchive.bench.search;

import org.imarchive.archive.search.SearchDocument;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Generates chat messages that look like an archive's: mostly short, some long, in English, German (with umlauts),
 * Russian, Chinese, Japanese and Thai, between a few thousand customers and a few hundred RMs over two years; some
 * carry attachment text, some are earlier versions of edited messages, a few are flagged or on hold.
 * Seeded, so every run and every engine sees the same documents.
 */
final class ChatMessageGenerator {

    static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
    static final Duration SPAN = Duration.ofDays(730);

    private static final String[] ENGLISH = words("please confirm the transfer of funds to my account today tomorrow "
            + "bond yield price stock portfolio meeting call me back when you can thanks regards guarantee return "
            + "risk order buy sell market closing statement quarter report dividend interest rate client invoice "
            + "payment received signed contract approval compliance review lunch coffee weekend holiday great news");
    private static final String[] GERMAN = words("bitte bestätigen Sie die Überweisung auf mein Konto heute morgen "
            + "Anleihe Rendite Kurs Aktie Depot Termin rufen Sie mich zurück danke Grüße Gewährleistung Rückzahlung "
            + "Risiko Auftrag kaufen verkaufen Börse Schluss Kontoauszug Quartal Bericht Dividende Zinsen Kunde "
            + "Rechnung Zahlung erhalten unterschrieben Vertrag Genehmigung Prüfung Mittagessen Kaffee Wochenende "
            + "Müller Schäfer Größe Straße fünf zwölf schön");
    private static final String[] RUSSIAN = words("пожалуйста подтвердите перевод средств на мой счёт сегодня завтра "
            + "облигация доходность цена акция портфель встреча перезвоните спасибо гарантия возврат риск заявка "
            + "купить продать рынок выписка квартал отчёт дивиденды процентная ставка клиент счёт оплата договор "
            + "одобрение проверка обед кофе выходные новости");
    private static final String[] CHINESE = words("请 确认 今天 转账 到 我的 账户 明天 债券 收益率 价格 股票 投资 组合 "
            + "会议 回电 谢谢 保证 回报 风险 订单 买入 卖出 市场 对账单 季度 报告 股息 利率 客户 发票 付款 合同 "
            + "批准 合规 审查 午餐 咖啡 周末 北京 上海 好消息");
    private static final String[] JAPANESE = words("振込 確認 お願いします 今日 明日 口座 債券 利回り 価格 株式 "
            + "ポートフォリオ 会議 折り返し ありがとう 保証 リターン リスク 注文 購入 売却 市場 明細書 四半期 "
            + "報告 配当 金利 顧客 請求書 支払い 契約 承認 東京 ランチ コーヒー");
    private static final String[] THAI = words("กรุณา ยืนยัน การโอนเงิน เข้า บัญชี ของ ผม วันนี้ พรุ่งนี้ พันธบัตร "
            + "ผลตอบแทน ราคา หุ้น พอร์ต ประชุม โทรกลับ ขอบคุณ ครับ ค่ะ รับประกัน ความเสี่ยง คำสั่ง ซื้อ ขาย ตลาด "
            + "รายงาน เงินปันผล ดอกเบี้ย ลูกค้า สัญญา อนุมัติ กาแฟ สวัสดี");
    private static final String[][] LANGUAGES = {ENGLISH, GERMAN, RUSSIAN, CHINESE, JAPANESE, THAI};
    /** Cumulative share of messages per language, in the order of {@link #LANGUAGES}. */
    private static final double[] LANGUAGE_SHARE = {0.40, 0.62, 0.76, 0.88, 0.94, 1.0};
    private static final boolean[] SPACED = {true, true, true, false, false, false};

    private static final String[] FIRST_NAMES = words("Hans Anna Jürgen Sophie Olga Иван Мария 王伟 李娜 Somchai Ploy "
            + "James Emily Zoë François Søren Łukasz Yuki 陽菜 Kenji");
    private static final String[] LAST_NAMES = words("Müller Schmidt Weiß Smith Brown Petrov Иванова 张 刘 Srisai "
            + "Wongsakul Dupont Sørensen Nowak Tanaka 佐藤 García Öztürk");

    private final Random random;
    private final int customers;
    private final int accounts;

    ChatMessageGenerator(long seed, int customers, int accounts) {
        this.random = new Random(seed);
        this.customers = customers;
        this.accounts = accounts;
    }

    static String customerName(int customer) {
        return FIRST_NAMES[customer % FIRST_NAMES.length] + " " + LAST_NAMES[(customer / FIRST_NAMES.length) % LAST_NAMES.length]
                + " " + customer;
    }

    static String customerId(int customer) {
        return "+49170" + String.format("%07d", customer);
    }

    /** A random word of one of the spaced languages, for queries. */
    String queryWord(Random queryRandom) {
        String[] language = LANGUAGES[queryRandom.nextInt(3)];
        return language[queryRandom.nextInt(language.length)];
    }

    List<SearchDocument> generate(int count) {
        List<SearchDocument> docs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            docs.add(next(i));
        }
        return docs;
    }

    private SearchDocument next(int sequence) {
        int customer = random.nextInt(customers);
        int account = customer % accounts;
        boolean outbound = random.nextBoolean();
        Instant sentAt = START.plusMillis((long) (random.nextDouble() * SPAN.toMillis()));
        String id = new UUID(sentAt.toEpochMilli() << 16 | 0x7000, sequence).toString();
        SearchDocument.Participant rm = new SearchDocument.Participant("+4930" + String.format("%05d", account),
                "RM " + account);
        SearchDocument.Participant client = new SearchDocument.Participant(customerId(customer), customerName(customer));
        boolean earlierVersion = random.nextDouble() < 0.03;
        SearchDocument.Builder doc = SearchDocument.builder(id, earlierVersion ? "m-" + sequence + "-edited" : "m-" + sequence, sentAt)
                .versionNumber(earlierVersion ? 1 : 1 + (random.nextDouble() < 0.03 ? 1 : 0))
                .current(!earlierVersion)
                .platform(random.nextDouble() < 0.7 ? "whatsapp" : "telegram")
                .channel(random.nextBoolean() ? "twilio" : "meta-cloud")
                .accountId("acct-" + account)
                .rm("rm" + account)
                .conversationId("conv-" + customer + "-" + account)
                .direction(outbound ? "outbound" : "inbound")
                .sender(outbound ? rm : client)
                .participants(List.of(rm, client))
                .capturedAt(sentAt.plusMillis(200 + random.nextInt(2000)))
                .text(sentence(messageLength()))
                .flagged(random.nextDouble() < 0.03)
                .retentionClass(random.nextDouble() < 0.2 ? "mifid-5y" : "sec-17a4-3y")
                .deleted(random.nextDouble() < 0.005);
        if (random.nextDouble() < 0.08) {
            doc.attachmentText(sentence(100 + random.nextInt(400)))
                    .attachmentNames(List.of("Kontoauszug-" + sequence + ".pdf"));
        }
        return doc.build();
    }

    /** Chat lengths: most messages a handful of words, a long tail of paragraphs. */
    private int messageLength() {
        double roll = random.nextDouble();
        if (roll < 0.6) {
            return 2 + random.nextInt(10);
        }
        if (roll < 0.93) {
            return 12 + random.nextInt(30);
        }
        return 40 + random.nextInt(160);
    }

    private String sentence(int words) {
        double roll = random.nextDouble();
        int language = 0;
        while (roll > LANGUAGE_SHARE[language]) {
            language++;
        }
        String[] vocabulary = LANGUAGES[language];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0 && SPACED[language]) {
                text.append(i % 9 == 0 ? ". " : " ");
            }
            text.append(vocabulary[random.nextInt(vocabulary.length)]);
            if (!SPACED[language] && i % 7 == 6) {
                text.append(language == 5 ? " " : "。");
            }
        }
        return text.toString();
    }

    private static String[] words(String text) {
        return text.split(" ");
    }
}
