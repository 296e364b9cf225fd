package org.imarchive.supervision.lexicon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.imarchive.archive.model.ArchivedMessage;
import org.imarchive.archive.model.Attachment;
import org.imarchive.archive.model.Channel;
import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.MessageContent;
import org.imarchive.archive.model.MessageEdit;
import org.imarchive.archive.model.MessageKey;
import org.imarchive.archive.model.MessageKind;
import org.imarchive.archive.model.Participant;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.model.Provenance;
import org.imarchive.supervision.policy.LexiconPolicy;
import org.imarchive.supervision.policy.PolicyLoader;
import org.imarchive.supervision.sampling.RandomSampler;
import org.imarchive.supervision.sampling.SampleDecision;
import org.imarchive.supervision.sampling.SamplingSeed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default starter policies over realistic traffic: the platforms' fixtures, generated everyday messages (none of
 * which may flag), and messages written to trip each policy, with exactly the hits a reviewer should see.
 */
class StarterPoliciesScenarioTest {

    private static final Path POLICIES = Path.of("..", "config", "policies");
    private static final Path FIXTURES = Path.of(System.getProperty("shared.dir", "../../shared"), "fixtures");
    private static final Set<String> WEALTH = Set.of("wealth");

    private static LexiconEngine engine;

    @BeforeAll
    static void compileTheStarterSet() {
        List<LexiconPolicy> policies = PolicyLoader.loadDirectory(POLICIES);
        assertThat(policies).extracting(LexiconPolicy::id).containsExactly(
                "account-numbers", "complaints", "off-channel", "promissory-language", "secrecy-urgency");
        engine = LexiconEngine.compile(policies);
    }

    private static List<String> hits(SupervisedMessage message) {
        ScanResult result = engine.scan(message);
        assertThat(result.problems()).isEmpty();
        return result.hits().stream()
                .map(hit -> hit.policy().id() + "/" + hit.ruleId() + (hit.part().equals(TextPart.BODY) ? "" : "@" + hit.part())
                        + ": " + hit.matchedText())
                .toList();
    }

    private static SupervisedMessage message(String id, Direction direction, String text) {
        return new SupervisedMessage(id, direction, Platform.WHATSAPP, WEALTH, List.of(TextPart.body(text)));
    }

    private static List<String> outbound(String text) {
        return hits(message("out", Direction.OUTBOUND, text));
    }

    private static List<String> inbound(String text) {
        return hits(message("in", Direction.INBOUND, text));
    }

    @Test
    void promissoryLanguageFlagsOnlyWhatTheFirmWrites() {
        assertThat(outbound("Hi Mrs. Chen, this fund is a sure thing, the stock has only gone up."))
                .containsExactly("promissory-language/sure-thing: fund is a sure thing");
        assertThat(outbound("Honestly it's risk-free and you can’t lose with these bonds."))
                .containsExactly("promissory-language/guaranteed-outcome: risk-free",
                        "promissory-language/guaranteed-outcome: can’t lose");
        assertThat(outbound("I guarantee you a 12% return by year end."))
                .containsExactly("promissory-language/guarantee-near-return: guarantee you a 12% return");
        assertThat(outbound("Das ist eine garantierte Rendite von 8 %, ohne Risiko."))
                .containsExactly("promissory-language/guaranteed-outcome: garantierte Rendite",
                        "promissory-language/guaranteed-outcome: ohne Risiko");
        assertThat(outbound("Sure thing, see you at 3pm.")).isEmpty();
        assertThat(inbound("Is this a guaranteed return product? Sounds risk-free")).as("a customer asking is no promise").isEmpty();
    }

    @Test
    void disclaimersDenialsAndSignaturesDoNotFlag() {
        assertThat(outbound("Returns are not guaranteed, and past performance is no guarantee of future results.")).isEmpty();
        assertThat(outbound("""
                Please find the Q3 outlook attached.

                This message is not an offer or solicitation to buy or sell any security. Past performance is no \
                guarantee of future results.
                J. Smith, Wealth Advisor | Example Securities LLC, Member FINRA/SIPC""")).isEmpty();
        assertThat(outbound("We cannot guarantee any return on this product, and I can't promise a profit.")).isEmpty();
    }

    @Test
    void complaintsFlagInBothDirections() {
        assertThat(inbound("I never authorized that trade. I want my money back or I'm calling my lawyer."))
                .containsExactly("complaints/unauthorized-activity: never authorized",
                        "complaints/money-back: I want my money back",
                        "complaints/legal-or-regulatory: lawyer");
        assertThat(inbound("Thanks Sue, I will sue if this isn't fixed, and report you to FINRA."))
                .containsExactly("complaints/legal-or-regulatory: sue",
                        "complaints/report-to-regulator: report you",
                        "complaints/legal-or-regulatory: FINRA");
        assertThat(inbound("Hi Sue, I am going to sue you")).containsExactly("complaints/legal-or-regulatory: sue");
        assertThat(outbound("So sorry about the unauthorised transaction, I have logged your complaint."))
                .containsExactly("complaints/unauthorized-activity: unauthorised transaction",
                        "complaints/complaint: complaint");
    }

    @Test
    void offChannelRequestsFlag() {
        assertThat(outbound("Let's switch to Signal, easier for me."))
                .containsExactly("off-channel/other-messenger: switch to Signal");
        assertThat(inbound("Text me on my personal number 415 555 0134 tonight"))
                .containsExactly("off-channel/personal-device: Text me on my personal");
        assertThat(inbound("Can we move this to Telegram? My other number is +44 7700 900123"))
                .containsExactly("off-channel/other-messenger: move this to Telegram",
                        "off-channel/personal-device: My other number");
        assertThat(outbound("Please delete this chat once you have read it, or call my cell."))
                .containsExactly("off-channel/delete-conversation: delete this chat",
                        "off-channel/personal-device: call my cell");
        assertThat(inbound("Send the statement to my Gmail, not the work address"))
                .containsExactly("off-channel/personal-email: my Gmail");
        assertThat(outbound("Excellent, I'll call you back, the signal here is bad.")).isEmpty();
    }

    @Test
    void secrecyAndUrgencyFlag() {
        assertThat(outbound("Keep this between us, don't tell compliance."))
                .containsExactly("secrecy-urgency/secrecy: Keep this between us",
                        "secrecy-urgency/secrecy: don't tell compliance");
        assertThat(outbound("Buy before the announcement on Monday, act now"))
                .containsExactly("secrecy-urgency/pressure: Buy before",
                        "secrecy-urgency/non-public-information: before the announcement",
                        "secrecy-urgency/pressure: act now");
    }

    @Test
    void numbersInClearFlagOnlyWhenTheirCheckDigitsHold() {
        assertThat(inbound("My card is 4111 1111 1111 1111, exp 04/27"))
                .containsExactly("account-numbers/card-number: **** **** **** 1111");
        assertThat(inbound("Order 4111 1111 1111 1112 arrived")).isEmpty();
        assertThat(inbound("Wire it to IBAN GB82 WEST 1234 5698 7654 32 please"))
                .containsExactly("account-numbers/iban: GB** WEST **** **** **54 32");
        assertThat(inbound("Wire it to GB82 WEST 1234 5698 7654 33 please")).as("bad IBAN check digits").isEmpty();
        assertThat(inbound("Routing number 021000021, account no. 123456789"))
                .containsExactly("account-numbers/us-routing-number: Routing number 021000021",
                        "account-numbers/account-number: account no. *****6789");
        assertThat(inbound("call +49 151 2345 6789 today")).as("a phone number is no card").isEmpty();
    }

    @Test
    void attachmentsAndEditsAreScanned() {
        Attachment letter = Attachment.pending("media-1", "letter.pdf", "application/pdf").stored("ab".repeat(32), 2048);
        ArchivedMessage original = archived("m-1", Direction.INBOUND,
                MessageContent.of(MessageKind.MEDIA, "see my letter", List.of(letter), null));
        SupervisedMessage withAttachment = SupervisedMessage.of(original, WEALTH,
                Map.of(letter.sha256(), "Formal complaint regarding unauthorised transactions on my account"));

        assertThat(hits(withAttachment)).containsExactly(
                "complaints/complaint@attachment:" + letter.sha256() + ": complaint",
                "complaints/unauthorized-activity@attachment:" + letter.sha256() + ": unauthorised transactions");

        ArchivedMessage first = archived("m-2", Direction.OUTBOUND, MessageContent.text("We expect a solid year."));
        MessageEdit edit = new MessageEdit("e-1", first.messageKey(), null, Instant.parse("2026-11-02T10:00:00Z"),
                Instant.parse("2026-11-02T10:00:01Z"), MessageContent.text("We expect a solid year, guaranteed returns of 10%."),
                Provenance.webhook(8));

        assertThat(hits(SupervisedMessage.of(first, WEALTH, Map.of()))).isEmpty();
        ScanResult edited = engine.scan(SupervisedMessage.ofEdit(first, edit, WEALTH, Map.of()));
        assertThat(edited.recordId()).isEqualTo("e-1");
        assertThat(edited.hits()).extracting(hit -> hit.ruleId() + ": " + hit.matchedText())
                .containsExactly("guarantee-near-return: guaranteed returns");
    }

    @Test
    void fixturesAndEverydayTrafficDoNotFlag() throws IOException {
        List<SupervisedMessage> traffic = new ArrayList<>();
        List<String> fixtureTexts = fixtureTexts();
        assertThat(fixtureTexts).hasSizeGreaterThan(15);
        for (int i = 0; i < fixtureTexts.size(); i++) {
            traffic.add(message("fixture-" + i, i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND, fixtureTexts.get(i)));
        }
        traffic.addAll(everydayTraffic(500));

        assertThat(traffic.stream().flatMap(m -> hits(m).stream().map(hit -> m.recordId() + " " + hit))).isEmpty();
    }

    @Test
    void theSampleOverTheTrafficIsReproducible() throws IOException {
        List<SupervisedMessage> traffic = everydayTraffic(500);
        Map<String, List<String>> idsByManager = traffic.stream().collect(Collectors.groupingBy(
                m -> "rm-" + Math.floorMod(m.recordId().hashCode(), 4), TreeMap::new,
                Collectors.mapping(SupervisedMessage::recordId, Collectors.toList())));
        SamplingSeed seed = new SamplingSeed("sampling-2026-11", "5eed".repeat(16));

        Map<String, List<SampleDecision>> sample = new TreeMap<>();
        idsByManager.forEach((rm, ids) -> sample.put(rm, new RandomSampler(seed, 0.05, 3).closePeriod(ids)));
        Map<String, List<SampleDecision>> recomputed = new TreeMap<>();
        idsByManager.forEach((rm, ids) -> recomputed.put(rm, new RandomSampler(new SamplingSeed(seed.id(), seed.keyHex()), 0.05, 3).closePeriod(ids)));

        assertThat(recomputed).isEqualTo(sample);
        assertThat(sample.values()).allSatisfy(decisions -> assertThat(decisions).hasSizeGreaterThanOrEqualTo(3));
        assertThat(sample.values().stream().mapToInt(List::size).sum()).isBetween(15, 45);
    }

    private static ArchivedMessage archived(String id, Direction direction, MessageContent content) {
        Instant at = Instant.parse("2026-11-02T09:00:00Z");
        return new ArchivedMessage(id, new MessageKey(Platform.WHATSAPP, "+15550001111", "wamid." + id), Channel.WHATSAPP_CLOUD,
                "+4915123456789", direction, Participant.of(direction == Direction.INBOUND ? "+4915123456789" : "+15550001111"),
                List.of(), at, at, content, null, null, Provenance.webhook(7));
    }

    /** The message texts of the platforms' fixtures: bodies, captions, export lines. */
    private static List<String> fixtureTexts() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String file : List.of("tg_business_message_text.json", "tg_edited_business_message.json",
                "tg_message_photo_caption.json", "wa_cloud_text.json", "wa_cloud_image_caption.json")) {
            JsonNode root = json.readTree(FIXTURES.resolve(file).toFile());
            Stream.of("text", "caption", "body").flatMap(field -> root.findValues(field).stream())
                    .filter(JsonNode::isTextual).map(JsonNode::asText).forEach(texts::add);
        }
        for (JsonNode message : json.readTree(FIXTURES.resolve("tdesktop_single_chat_result.json").toFile()).get("messages")) {
            StringBuilder text = new StringBuilder();
            message.get("text_entities").forEach(entity -> text.append(entity.get("text").asText()));
            texts.add(text.toString());
        }
        for (String file : List.of("twilio_wa_inbound_image.form", "twilio_wa_inbound_reply_text.form")) {
            Arrays.stream(Files.readString(FIXTURES.resolve(file)).strip().split("&"))
                    .filter(pair -> pair.startsWith("Body="))
                    .map(pair -> URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8))
                    .forEach(texts::add);
        }
        texts.addAll(Files.readAllLines(FIXTURES.resolve("whatsapp_android_en-US_12h_chat.txt")));
        return texts.stream().filter(text -> !text.isBlank()).toList();
    }

    /** What most of an RM's day looks like, in the languages of the desks: none of it may flag. */
    static List<SupervisedMessage> everydayTraffic(int count) {
        String[] lines = {
                "Good morning %s, the quarterly statement is in your online banking.",
                "Thanks %s, I have received the signed form and will process it today.",
                "Can we move our call to Thursday at 10? Something came up.",
                "The market was volatile this week; happy to walk you through the portfolio on %s.",
                "Your transfer of EUR 2,500 was booked on %s.",
                "Here is the fund factsheet you asked for; the ongoing charges are 0.45%%.",
                "Please sign page 3 and send it back when you can.",
                "I'm out of office until Monday, my colleague %s can help meanwhile.",
                "The bond matures in 2031 and pays a 3.2%% coupon annually.",
                "Merci %s, je vous rappelle demain matin.",
                "Danke für Ihre Nachricht, ich melde mich morgen bei Ihnen.",
                "Gracias %s, le envío el informe esta tarde.",
                "Ok 👍 see you at the branch at 2pm",
                "Excellent news about your daughter's graduation, congratulations!",
                "The cell tower outage explains the dropped call, sorry about that.",
                "We rebalanced the portfolio as discussed; the confirmation follows by post.",
                "ご連絡ありがとうございます。明日お電話します。",
                "Your order reference is 4711-2026-11, the custodian confirms settlement on T+2.",
                "Sure thing, I'll send the documents over after lunch.",
        };
        String[] names = {"Mrs. Chen", "Mr. Müller", "Léa", "José", "Friday", "Anna", "Dr. Okafor", "11 November"};
        Random random = new Random(20261102L);
        List<SupervisedMessage> traffic = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String text = lines[random.nextInt(lines.length)].formatted(names[random.nextInt(names.length)]);
            if (random.nextInt(4) == 0) {
                text = text + " " + lines[random.nextInt(lines.length)].formatted(names[random.nextInt(names.length)]);
            }
            traffic.add(new SupervisedMessage("0190f5a2-7c1e-7b3a-9f00-%012d".formatted(i),
                    random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND, Platform.WHATSAPP, WEALTH, List.of(TextPart.body(text))));
        }
        return traffic;
    }
}
