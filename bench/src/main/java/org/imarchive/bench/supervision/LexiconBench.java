package org.imarchive.bench.supervision;

import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Platform;
import org.imarchive.supervision.lexicon.LexiconEngine;
import org.imarchive.supervision.lexicon.ScanResult;
import org.imarchive.supervision.lexicon.SupervisedMessage;
import org.imarchive.supervision.lexicon.TextPart;
import org.imarchive.supervision.lexicon.internal.AhoCorasick;
import org.imarchive.supervision.policy.LexiconPolicy;
import org.imarchive.supervision.policy.PolicyLoader;
import org.imarchive.supervision.text.FoldedText;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Policy evaluation throughput (messages per second, one thread) for 500 lexicon entries and 50 regexes, next to
 * the raw cost of reading the same text once with the bare Aho-Corasick automaton and once with each of the 50
 * regexes. The ratio is what folding, word boundaries, exclusions, proximity, validators and building evidence cost.
 * <p>
 * Run: {@code java -cp ... org.imarchive.bench.supervision.LexiconBench [messages]} (default 20,000).
 */
public final class LexiconBench {

    private static final int WARM_UP_ROUNDS = 3;
    private static final int MEASURED_ROUNDS = 5;

    private LexiconBench() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Random random = new Random(20261125L);
        List<String> entries = BenchLexicon.entries(random);
        List<String> regexes = BenchLexicon.regexes();
        List<LexiconPolicy> policies = BenchLexicon.policies(entries, regexes);
        List<String> texts = ChatTraffic.messages(count, random);
        List<SupervisedMessage> messages = texts.stream()
                .map(text -> new SupervisedMessage("m", Direction.OUTBOUND, Platform.WHATSAPP, Set.of(), List.of(TextPart.body(text))))
                .toList();
        long chars = texts.stream().mapToLong(String::length).sum();

        LexiconEngine engine = LexiconEngine.compile(policies);
        AhoCorasick automaton = AhoCorasick.of(entries.stream()
                .map(entry -> FoldedText.fold(entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry))
                .distinct().toList());
        Pattern[] patterns = regexes.stream().map(regex -> Pattern.compile(regex, PolicyLoader.REGEX_FLAGS)).toArray(Pattern[]::new);

        LongSupplier enginePass = () -> messages.stream().mapToLong(m -> {
            ScanResult result = engine.scan(m);
            if (!result.problems().isEmpty()) {
                throw new IllegalStateException("a rule could not be evaluated: " + result.problems());
            }
            return result.hits().size();
        }).sum();
        LongSupplier rawPass = () -> texts.stream().mapToLong(text -> rawScan(automaton, patterns, text)).sum();

        System.out.printf("LexiconBench: %d messages, %d chars (mean %.0f chars/message), %d policies, %d lexicon entries, %d regexes%n",
                count, chars, (double) chars / count, policies.size(), entries.size(), regexes.size());
        System.out.printf("java %s, %d cores, one thread; %d warm-up rounds, median of %d measured rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), WARM_UP_ROUNDS, MEASURED_ROUNDS);
        double[] engineSeconds = new double[MEASURED_ROUNDS];
        double[] rawSeconds = new double[MEASURED_ROUNDS];
        long hits = 0;
        long rawMatches = 0;
        for (int round = -WARM_UP_ROUNDS; round < MEASURED_ROUNDS; round++) {
            long started = System.nanoTime();
            hits = enginePass.getAsLong();
            long engineDone = System.nanoTime();
            rawMatches = rawPass.getAsLong();
            long rawDone = System.nanoTime();
            if (round >= 0) {
                engineSeconds[round] = (engineDone - started) / 1e9;
                rawSeconds[round] = (rawDone - engineDone) / 1e9;
            }
        }
        double engineRate = count / median(engineSeconds);
        double rawRate = count / median(rawSeconds);
        System.out.printf("policy evaluation (LexiconEngine.scan)             : %,9.0f messages/s  %5.1f M chars/s  (%d hits)%n",
                engineRate, engineRate * chars / count / 1e6, hits);
        System.out.printf("raw: one Aho-Corasick pass + one pass of %d regexes : %,9.0f messages/s  %5.1f M chars/s  (%d raw matches)%n",
                regexes.size(), rawRate, rawRate * chars / count / 1e6, rawMatches);
        System.out.printf("ratio policy evaluation / raw                      : %9.2f%n", engineRate / rawRate);
    }

    private static long rawScan(AhoCorasick automaton, Pattern[] patterns, String text) {
        long[] matches = {0};
        automaton.scan(text, (pattern, start, end) -> matches[0]++);
        for (Pattern pattern : patterns) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                matches[0]++;
            }
        }
        return matches[0];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
