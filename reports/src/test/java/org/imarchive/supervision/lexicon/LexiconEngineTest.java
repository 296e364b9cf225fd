package org.imarchive.supervision.lexicon;

import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Platform;
import org.imarchive.supervision.policy.LexiconPolicy;
import org.imarchive.supervision.policy.PolicyLoader;
import org.imarchive.supervision.policy.RuleKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconEngineTest {

    private static LexiconPolicy policy(String id, String scope, String rules) {
        return PolicyLoader.parse(id + ".yml", """
                id: %s
                name: test policy
                version: 1
                %s
                severity: medium
                risk-score: 50
                %s
                """.formatted(id, scope, rules));
    }

    private static LexiconEngine engine(String rules) {
        return LexiconEngine.compile(List.of(policy("test", "", rules)));
    }

    private static SupervisedMessage outbound(String text) {
        return new SupervisedMessage("m1", Direction.OUTBOUND, Platform.WHATSAPP, Set.of("wealth"), List.of(TextPart.body(text)));
    }

    private static List<String> matched(LexiconEngine engine, String text) {
        return engine.scan(outbound(text)).hits().stream().map(Hit::matchedText).toList();
    }

    private static final String PROXIMITY = """
            rules:
              - id: guarantee-near-return
                proximity: {first: [guarantee*], second: [return*], within: 5}
            """;

    @Test
    void proximityHitsWithinFiveWordsOnly() {
        LexiconEngine engine = engine(PROXIMITY);

        assertThat(matched(engine, "I guarantee you will see a return")).containsExactly("guarantee you will see a return");
        assertThat(matched(engine, "I guarantee that you will see a return")).as("five words between")
                .containsExactly("guarantee that you will see a return");
        assertThat(matched(engine, "I guarantee that you will see a good return")).as("six words between").isEmpty();
        assertThat(matched(engine, "Returns are guaranteed.")).as("either order").containsExactly("Returns are guaranteed");
        assertThat(matched(engine, "guarantee")).isEmpty();
    }

    @Test
    void orderedProximityNeedsTheOrder() {
        LexiconEngine engine = engine("""
                rules:
                  - id: ordered
                    proximity: {first: [guarantee*], second: [return*], within: 5, ordered: true}
                """);

        assertThat(matched(engine, "guaranteed returns")).containsExactly("guaranteed returns");
        assertThat(matched(engine, "returns guaranteed")).isEmpty();
    }

    @Test
    void diacriticsAndCaseAreFolded() {
        LexiconEngine engine = engine("""
                rules:
                  - id: garantie
                    terms: [garantie, GARANTÍA]
                """);

        assertThat(matched(engine, "Garantië! and garantía, GARANTIE")).containsExactly("Garantië", "garantía", "GARANTIE");
        assertThat(matched(engine, "garant")).isEmpty();
    }

    @Test
    void hitSpanPointsIntoTheOriginalText() {
        LexiconEngine engine = engine("""
                rules:
                  - id: cant-lose
                    phrases: ["can't lose"]
                """);
        String text = "Cher client 🎉🎉, vraiment:  you CAN’T\u00A0\n  LOSE!";

        Hit hit = engine.scan(outbound(text)).hits().get(0);

        assertThat(text.substring(hit.start(), hit.end())).isEqualTo("CAN’T\u00A0\n  LOSE");
        assertThat(hit.matchedText()).isEqualTo("CAN’T\u00A0\n  LOSE");
        assertThat(hit.start()).isEqualTo(text.indexOf("CAN"));
        assertThat(hit.part()).isEqualTo("body");
        assertThat(hit.ruleKind()).isEqualTo(RuleKind.PHRASE);
        assertThat(hit.policy().version()).isEqualTo(1);
        assertThat(hit.policy().contentHash()).startsWith("sha256:");
    }

    @Test
    void disclaimerDoesNotFlag() {
        LexiconEngine engine = engine("""
                rules:
                  - id: guarantee
                    terms: [guarantee*]
                  - id: guarantee-near-return
                    proximity: {first: [guarantee*], second: [results, return*], within: 5}
                exclusions:
                  - id: disclaimer
                    regex: 'this message is not an offer.{0,300}?guarantee of future results\\.?'
                """);
        String disclaimer = "This message is not an offer or solicitation to buy or sell any security. "
                + "Past performance is no guarantee of future results.";

        assertThat(matched(engine, "See the attached fund sheet.\n\n" + disclaimer)).isEmpty();
        assertThat(matched(engine, "I guarantee it. " + disclaimer)).as("outside the disclaimer it still flags")
                .containsExactly("guarantee");
    }

    @Test
    void termDoesNotHitInsideAWord() {
        LexiconEngine engine = engine("""
                rules:
                  - id: cell
                    terms: [cell]
                  - id: lawyer
                    phrases: ["my lawyer"]
                """);

        assertThat(matched(engine, "Excellent, cells and cellar, cello")).isEmpty();
        assertThat(matched(engine, "call my cell, or my lawyers")).containsExactly("cell");
        assertThat(matched(engine, "(cell)")).containsExactly("cell");
    }

    @Test
    void overlappingEntriesOfOneRuleGiveOneHit() {
        LexiconEngine engine = engine("""
                rules:
                  - id: personal-device
                    phrases: [text me on my personal, my personal number, my personal*]
                  - id: number
                    terms: [number]
                """);

        assertThat(engine.scan(outbound("text me on my personal number")).hits())
                .extracting(hit -> hit.ruleId() + ": " + hit.matchedText())
                .containsExactly("personal-device: text me on my personal", "number: number");
    }

    @Test
    void unspacedScriptsMatchAsSubstrings() {
        LexiconEngine engine = engine("""
                rules:
                  - id: guaranteed-return-zh
                    phrases: [保证收益]
                  - id: profit-th
                    terms: [กำไร]
                """);

        assertThat(matched(engine, "我们保证收益很高")).containsExactly("保证收益");
        assertThat(matched(engine, "รับประกันกำไรแน่นอน")).containsExactly("กำไร");
    }

    @Test
    void cardNumberNeedsLuhn() {
        LexiconEngine engine = engine("""
                rules:
                  - id: card
                    regex: '\\b(?:\\d[ -]?){12,18}\\d\\b'
                    validator: luhn
                """);

        assertThat(matched(engine, "my card is 4111 1111 1111 1111 thanks")).containsExactly("4111 1111 1111 1111");
        assertThat(matched(engine, "order 4111 1111 1111 1112 shipped")).as("fails Luhn").isEmpty();
        assertThat(matched(engine, "ref 0000-0000-0000-0000")).as("passes Luhn, but no card is all zeros").isEmpty();
    }

    @Test
    void cardEvidenceIsMasked() {
        LexiconEngine engine = engine("""
                rules:
                  - id: card
                    regex: '\\b(?:\\d[ -]?){12,18}\\d\\b'
                    validator: luhn
                    mask: true
                """);

        Hit hit = engine.scan(outbound("card 5500-0000-0000-0004 exp 12/29")).hits().get(0);

        assertThat(hit.matchedText()).isEqualTo("****-****-****-0004");
        assertThat(hit.end() - hit.start()).isEqualTo("5500-0000-0000-0004".length());
    }

    @Test
    void ibanNeedsItsCheckDigits() {
        LexiconEngine engine = engine("""
                rules:
                  - id: iban
                    regex: '\\b[a-z]{2}\\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?\\b'
                    validator: iban
                """);

        assertThat(matched(engine, "IBAN DE89 3704 0044 0532 0130 00 please")).containsExactly("DE89 3704 0044 0532 0130 00");
        assertThat(matched(engine, "IBAN DE88 3704 0044 0532 0130 00 please")).isEmpty();
    }

    @Test
    void attachmentTextIsScanned() {
        LexiconEngine engine = engine(PROXIMITY);
        SupervisedMessage message = new SupervisedMessage("m2", Direction.OUTBOUND, Platform.TELEGRAM, Set.of(), List.of(
                TextPart.body("see attached"),
                new TextPart("attachment:ab12", "Fund factsheet\nWe guarantee a 12% annual return.")));

        List<Hit> hits = engine.scan(message).hits();

        assertThat(hits).singleElement().satisfies(hit -> {
            assertThat(hit.part()).isEqualTo("attachment:ab12");
            assertThat(hit.matchedText()).isEqualTo("guarantee a 12% annual return");
            assertThat(hit.start()).isEqualTo("Fund factsheet\nWe ".length());
        });
    }

    @Test
    void directionFilterApplies() {
        LexiconEngine engine = LexiconEngine.compile(List.of(
                policy("outbound-only", "applies-to: {directions: outbound}", "rules: [{id: lose, phrases: [\"can't lose\"]}]"),
                policy("both-ways", "applies-to: {directions: both}", "rules: [{id: lose, phrases: [\"can't lose\"]}]")));
        String text = "you can't lose";

        ScanResult inbound = engine.scan(new SupervisedMessage("m", Direction.INBOUND, Platform.WHATSAPP, Set.of(), List.of(TextPart.body(text))));
        ScanResult outbound = engine.scan(outbound(text));

        assertThat(inbound.hits()).extracting(hit -> hit.policy().id()).containsExactly("both-ways");
        assertThat(inbound.policiesApplied()).extracting(ref -> ref.id()).containsExactly("both-ways");
        assertThat(outbound.hits()).extracting(hit -> hit.policy().id()).containsExactly("both-ways", "outbound-only");
    }

    @Test
    void groupAndPlatformFiltersApply() {
        LexiconEngine engine = LexiconEngine.compile(List.of(policy("retail-telegram",
                "applies-to: {groups: [retail], platforms: telegram}", "rules: [{id: lose, phrases: [\"can't lose\"]}]")));
        List<TextPart> text = List.of(TextPart.body("can't lose"));

        assertThat(engine.scan(new SupervisedMessage("m", Direction.OUTBOUND, Platform.TELEGRAM, Set.of("retail", "x"), text)).hits()).hasSize(1);
        assertThat(engine.scan(new SupervisedMessage("m", Direction.OUTBOUND, Platform.TELEGRAM, Set.of("wealth"), text)).hits()).isEmpty();
        assertThat(engine.scan(new SupervisedMessage("m", Direction.OUTBOUND, Platform.WHATSAPP, Set.of("retail"), text)).hits()).isEmpty();
    }

    @Test
    void runawayRegexIsStoppedAndReported() {
        LexiconEngine engine = LexiconEngine.compile(List.of(policy("slow", "", """
                rules:
                  - id: catastrophic
                    regex: '((a+)+)+c'
                  - id: word
                    terms: [hello]
                """)), Duration.ofMillis(50));

        long started = System.nanoTime();
        ScanResult result = engine.scan(outbound("hello " + "a".repeat(40)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.hits()).extracting(Hit::ruleId).containsExactly("word");
        assertThat(result.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.ruleId()).isEqualTo("catastrophic");
            assertThat(problem.reason()).contains("50 ms");
        });
    }

    @Test
    void scanIsDeterministicAcrossThreads() throws Exception {
        LexiconEngine engine = engine(PROXIMITY + """
                  - id: lose
                    phrases: ["can't lose", "sure thing"]
                """);
        SupervisedMessage message = outbound("Sure thing: I guarantee a return, you can't lose. Return guaranteed!");
        ScanResult expected = engine.scan(message);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ScanResult>> results = IntStream.range(0, 200).mapToObj(i -> pool.submit(() -> engine.scan(message))).toList();
            for (Future<ScanResult> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(expected.hits()).extracting(Hit::matchedText)
                .containsExactly("Sure thing", "guarantee a return", "can't lose", "Return guaranteed");
    }
}
