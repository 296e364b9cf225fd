package org.imarchive.supervision.lexicon;

import org.imarchive.supervision.lexicon.internal.DeadlineCharSequence;
import org.imarchive.supervision.policy.Exclusion;
import org.imarchive.supervision.policy.LexiconPolicy;
import org.imarchive.supervision.policy.PolicyLoader;
import org.imarchive.supervision.policy.PolicyRef;
import org.imarchive.supervision.policy.ProximityRule;
import org.imarchive.supervision.policy.RegexRule;
import org.imarchive.supervision.policy.Rule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A policy ready to evaluate: its regexes compiled once. The words of all policies are matched together by the
 * engine's automaton; this class turns a policy's share of those matches, and its regex matches, into hits.
 */
final class CompiledPolicy {

    /** What an automaton match means for a policy: a word of a rule, a side of a proximity rule, an exclusion. */
    enum Role { RULE, FIRST, SECOND, EXCLUSION }

    /** A match in the folded text of a part, for rule or exclusion {@code slot} of this policy. */
    record Occurrence(Role role, int slot, int start, int end) {
    }

    final LexiconPolicy policy;
    private final PolicyRef ref;
    private final Pattern[] regexByRule;
    private final Pattern[] regexByExclusion;

    CompiledPolicy(LexiconPolicy policy) {
        this.policy = policy;
        this.ref = policy.ref();
        this.regexByRule = policy.rules().stream()
                .map(rule -> rule instanceof RegexRule regex ? Pattern.compile(regex.pattern(), PolicyLoader.REGEX_FLAGS) : null)
                .toArray(Pattern[]::new);
        this.regexByExclusion = policy.exclusions().stream()
                .map(exclusion -> exclusion.regex() == null ? null : Pattern.compile(exclusion.regex(), PolicyLoader.REGEX_FLAGS))
                .toArray(Pattern[]::new);
    }

    PolicyRef ref() {
        return ref;
    }

    /** Adds this policy's hits in {@code part} to {@code hits}, given its automaton matches there. */
    void evaluate(PartText part, List<Occurrence> occurrences, long regexBudgetNanos, List<Hit> hits, List<ScanProblem> problems) {
        List<Occurrence> excluded = exclusions(part, occurrences, regexBudgetNanos, problems);
        List<Occurrence> counted = occurrences.stream()
                .filter(o -> o.role() != Role.EXCLUSION && !insideAny(o.start(), o.end(), excluded))
                .toList();
        for (Occurrence occurrence : counted) {
            if (occurrence.role() == Role.RULE) {
                hits.add(hit(part, policy.rules().get(occurrence.slot()), occurrence.start(), occurrence.end()));
            }
        }
        for (int slot = 0; slot < policy.rules().size(); slot++) {
            Rule rule = policy.rules().get(slot);
            if (rule instanceof ProximityRule proximity) {
                proximityHits(part, proximity, slot, counted, hits);
            } else if (rule instanceof RegexRule regex) {
                regexHits(part, regex, regexByRule[slot], regexBudgetNanos, excluded, hits, problems);
            }
        }
    }

    /** The spans of the part that this policy's exclusions cover: automaton matches and regex matches alike. */
    private List<Occurrence> exclusions(PartText part, List<Occurrence> occurrences, long budgetNanos, List<ScanProblem> problems) {
        List<Occurrence> spans = new ArrayList<>(occurrences.stream().filter(o -> o.role() == Role.EXCLUSION).toList());
        for (int slot = 0; slot < regexByExclusion.length; slot++) {
            if (regexByExclusion[slot] == null) {
                continue;
            }
            Exclusion exclusion = policy.exclusions().get(slot);
            try {
                Matcher matcher = regexByExclusion[slot].matcher(new DeadlineCharSequence(part.folded(), System.nanoTime() + budgetNanos));
                while (matcher.find()) {
                    spans.add(new Occurrence(Role.EXCLUSION, slot, matcher.start(), matcher.end()));
                }
            } catch (DeadlineCharSequence.DeadlineExceeded e) {
                problems.add(timedOut(exclusion.id(), part, budgetNanos));
            }
        }
        return spans;
    }

    /**
     * Each side next to the other within {@code within} words. Only neighbours in text order pair up, so a hit is
     * the shortest span that proves the rule and "guarantee ... return ... return" is one hit, not a hit per pair.
     */
    private void proximityHits(PartText part, ProximityRule rule, int slot, List<Occurrence> counted, List<Hit> hits) {
        List<Occurrence> sides = counted.stream()
                .filter(o -> o.slot() == slot && (o.role() == Role.FIRST || o.role() == Role.SECOND))
                .sorted(Comparator.comparingInt(Occurrence::start).thenComparingInt(Occurrence::end))
                .toList();
        for (int i = 0; i + 1 < sides.size(); i++) {
            Occurrence left = sides.get(i);
            Occurrence right = sides.get(i + 1);
            if (left.role() != right.role() && right.start() >= left.end()
                    && (!rule.ordered() || left.role() == Role.FIRST)
                    && part.words().wordsBetween(left.end(), right.start()) <= rule.within()) {
                hits.add(hit(part, rule, left.start(), right.end()));
            }
        }
    }

    private void regexHits(PartText part, RegexRule rule, Pattern pattern, long budgetNanos, List<Occurrence> excluded,
                           List<Hit> hits, List<ScanProblem> problems) {
        try {
            Matcher matcher = pattern.matcher(new DeadlineCharSequence(part.folded(), System.nanoTime() + budgetNanos));
            while (matcher.find()) {
                if (matcher.end() > matcher.start()
                        && (rule.validator() == null || rule.validator().accepts(matcher.group()))
                        && !insideAny(matcher.start(), matcher.end(), excluded)) {
                    hits.add(hit(part, rule, matcher.start(), matcher.end()));
                }
            }
        } catch (DeadlineCharSequence.DeadlineExceeded e) {
            problems.add(timedOut(rule.id(), part, budgetNanos));
        }
    }

    private Hit hit(PartText part, Rule rule, int foldedStart, int foldedEnd) {
        int start = part.text.originalStart(foldedStart);
        int end = part.text.originalEnd(foldedEnd);
        String matched = part.text.original().substring(start, end);
        if (rule instanceof RegexRule regex && regex.maskEvidence()) {
            matched = maskAllButLastFourDigits(matched);
        }
        return new Hit(ref, rule.id(), rule.kind(), policy.severity(), policy.riskScore(), part.name, start, end, matched);
    }

    private ScanProblem timedOut(String ruleId, PartText part, long budgetNanos) {
        return new ScanProblem(policy.id(), ruleId, part.name,
                "regex ran past its " + budgetNanos / 1_000_000 + " ms budget; this part is unchecked by this rule");
    }

    private static boolean insideAny(int start, int end, List<Occurrence> spans) {
        for (Occurrence span : spans) {
            if (span.start() <= start && end <= span.end()) {
                return true;
            }
        }
        return false;
    }

    static String maskAllButLastFourDigits(String text) {
        long digits = text.chars().filter(Character::isDigit).count();
        StringBuilder masked = new StringBuilder(text.length());
        long seen = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            masked.append(Character.isDigit(c) && ++seen <= digits - 4 ? '*' : c);
        }
        return masked.toString();
    }
}
