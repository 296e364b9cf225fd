package org.imarchive.supervision.lexicon;

import org.imarchive.supervision.lexicon.CompiledPolicy.Occurrence;
import org.imarchive.supervision.lexicon.CompiledPolicy.Role;
import org.imarchive.supervision.lexicon.internal.AhoCorasick;
import org.imarchive.supervision.policy.Exclusion;
import org.imarchive.supervision.policy.LexiconPolicy;
import org.imarchive.supervision.policy.LexiconRule;
import org.imarchive.supervision.policy.PolicyRef;
import org.imarchive.supervision.policy.ProximityRule;
import org.imarchive.supervision.policy.Rule;
import org.imarchive.supervision.text.FoldedText;
import org.imarchive.supervision.text.WordBoundaries;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of lexicon policies compiled for scanning. Every term, phrase, proximity side and exclusion phrase of every
 * policy goes into one Aho-Corasick automaton over folded text, so a message is read once whatever the size of the
 * lexicons; regexes run per policy, each compiled once and cut off after a time budget.
 * <p>
 * Deterministic (the same message and policies give the same hits in the same order) and, once compiled, immutable
 * and safe to share between threads.
 */
public final class LexiconEngine {

    /**
     * A sane pattern needs microseconds on a chat message and milliseconds on a long document; a backtracking runaway
     * needs minutes to years. A second sits far from both, so a busy machine's pauses do not trip it.
     */
    public static final Duration DEFAULT_REGEX_BUDGET = Duration.ofSeconds(1);

    private static final Comparator<Hit> TEXT_ORDER = Comparator.comparingInt(Hit::start)
            .thenComparingInt(Hit::end)
            .thenComparing(hit -> hit.policy().id())
            .thenComparing(Hit::ruleId);

    /** What automaton pattern {@code p} means: for which policy, in which role, for which rule or exclusion. */
    private record Target(int policy, Role role, int slot, boolean prefix) {
    }

    private final List<CompiledPolicy> policies;
    private final AhoCorasick automaton;
    private final Target[][] targetsByPattern;
    private final long regexBudgetNanos;

    private LexiconEngine(List<CompiledPolicy> policies, AhoCorasick automaton, Target[][] targetsByPattern, long regexBudgetNanos) {
        this.policies = policies;
        this.automaton = automaton;
        this.targetsByPattern = targetsByPattern;
        this.regexBudgetNanos = regexBudgetNanos;
    }

    public static LexiconEngine compile(List<LexiconPolicy> policies) {
        return compile(policies, DEFAULT_REGEX_BUDGET);
    }

    /** @param regexBudget how long one regex may run on one part before it is stopped and reported as a problem */
    public static LexiconEngine compile(List<LexiconPolicy> policies, Duration regexBudget) {
        Map<String, List<Target>> targetsByFoldedEntry = new LinkedHashMap<>();
        for (int p = 0; p < policies.size(); p++) {
            LexiconPolicy policy = policies.get(p);
            for (int slot = 0; slot < policy.rules().size(); slot++) {
                Rule rule = policy.rules().get(slot);
                if (rule instanceof LexiconRule lexicon) {
                    addEntries(targetsByFoldedEntry, lexicon.entries(), p, Role.RULE, slot);
                } else if (rule instanceof ProximityRule proximity) {
                    addEntries(targetsByFoldedEntry, proximity.first(), p, Role.FIRST, slot);
                    addEntries(targetsByFoldedEntry, proximity.second(), p, Role.SECOND, slot);
                }
            }
            for (int slot = 0; slot < policy.exclusions().size(); slot++) {
                Exclusion exclusion = policy.exclusions().get(slot);
                addEntries(targetsByFoldedEntry, exclusion.phrases(), p, Role.EXCLUSION, slot);
            }
        }
        return new LexiconEngine(
                policies.stream().map(CompiledPolicy::new).toList(),
                AhoCorasick.of(new ArrayList<>(targetsByFoldedEntry.keySet())),
                targetsByFoldedEntry.values().stream().map(targets -> targets.toArray(Target[]::new)).toArray(Target[][]::new),
                regexBudget.toNanos());
    }

    /** The policies this engine evaluates, as hits and evidence name them. */
    public List<PolicyRef> policies() {
        return policies.stream().map(CompiledPolicy::ref).toList();
    }

    public ScanResult scan(SupervisedMessage message) {
        boolean[] applies = new boolean[policies.size()];
        List<PolicyRef> applied = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            CompiledPolicy policy = policies.get(p);
            applies[p] = policy.policy.appliesTo().covers(message.direction(), message.platform(), message.groups());
            if (applies[p]) {
                applied.add(policy.ref());
            }
        }
        List<Hit> hits = new ArrayList<>();
        List<ScanProblem> problems = new ArrayList<>();
        if (!applied.isEmpty()) {
            for (TextPart part : message.parts()) {
                hits.addAll(scanPart(new PartText(part), applies, problems));
            }
        }
        return new ScanResult(message.recordId(), applied, hits, problems);
    }

    private List<Hit> scanPart(PartText part, boolean[] applies, List<ScanProblem> problems) {
        String folded = part.folded();
        List<List<Occurrence>> occurrencesByPolicy = new ArrayList<>(policies.size());
        for (int p = 0; p < policies.size(); p++) {
            occurrencesByPolicy.add(new ArrayList<>());
        }
        automaton.scan(folded, (pattern, start, end) -> {
            for (Target target : targetsByPattern[pattern]) {
                if (applies[target.policy()] && WordBoundaries.isWholeWord(folded, start, end, target.prefix())) {
                    int wordEnd = target.prefix() ? endOfWord(folded, end) : end;
                    occurrencesByPolicy.get(target.policy()).add(new Occurrence(target.role(), target.slot(), start, wordEnd));
                }
            }
        });
        List<Hit> hits = new ArrayList<>();
        for (int p = 0; p < policies.size(); p++) {
            if (applies[p]) {
                policies.get(p).evaluate(part, occurrencesByPolicy.get(p), regexBudgetNanos, hits, problems);
            }
        }
        return leftmostLongestPerRule(hits);
    }

    /**
     * Of the hits of one rule that overlap, only the leftmost (and of those the longest) stays: "text me on my
     * personal number" is one off-channel request, not one per entry of the rule that fits inside it.
     */
    private static List<Hit> leftmostLongestPerRule(List<Hit> hits) {
        List<Hit> byRule = new ArrayList<>(hits);
        byRule.sort(Comparator.comparing((Hit hit) -> hit.policy().id()).thenComparing(Hit::ruleId)
                .thenComparingInt(Hit::start).thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        List<Hit> kept = new ArrayList<>();
        Hit last = null;
        for (Hit hit : byRule) {
            boolean sameRule = last != null && last.policy().id().equals(hit.policy().id()) && last.ruleId().equals(hit.ruleId());
            if (!sameRule || hit.start() >= last.end()) {
                kept.add(hit);
                last = hit;
            }
        }
        kept.sort(TEXT_ORDER);
        return kept;
    }

    private static void addEntries(Map<String, List<Target>> targets, List<String> entries, int policy, Role role, int slot) {
        for (String entry : entries) {
            boolean prefix = entry.endsWith("*");
            String folded = FoldedText.fold(prefix ? entry.substring(0, entry.length() - 1) : entry);
            targets.computeIfAbsent(folded, f -> new ArrayList<>()).add(new Target(policy, role, slot, prefix));
        }
    }

    /** A prefix match is reported as the whole word it begins, so the evidence reads {@code guaranteed}, not {@code guarantee}. */
    private static int endOfWord(String folded, int end) {
        while (end < folded.length() && WordBoundaries.isWordChar(folded.charAt(end)) && !WordBoundaries.isUnspaced(folded.charAt(end))) {
            end++;
        }
        return end;
    }
}
