package org.imarchive.bench.supervision;

import org.imarchive.supervision.policy.LexiconPolicy;
import org.imarchive.supervision.policy.PolicyLoader;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A lexicon of the size a large firm runs: 500 terms and phrases and 50 regexes, spread over ten policies, made from
 * the words of compliance lexicons in five languages, so that it matches real chat now and then, as lexicons do.
 */
final class BenchLexicon {

    static final int ENTRIES = 500;
    static final int REGEXES = 50;
    private static final int POLICIES = 10;

    static final String[] WORDS = {
            "guarantee", "guaranteed", "return", "returns", "profit", "risk", "free", "lose", "sure", "double", "money",
            "complaint", "unauthorized", "trade", "lawyer", "attorney", "refund", "personal", "cell", "phone", "signal",
            "telegram", "delete", "chat", "gmail", "secret", "between", "compliance", "record", "announcement", "insider",
            "tip", "urgent", "now", "quick", "cash", "offshore", "bonus", "commission", "rebate", "kickback", "gift",
            "dinner", "tickets", "favour", "promise", "certain", "easy", "fast", "rich", "moon", "pump", "crypto",
            "token", "leverage", "margin", "options", "futures", "short", "squeeze", "rumour", "merger", "takeover",
            "earnings", "guidance", "confidential", "private", "hidden", "cover", "backdate", "switch", "number", "wire",
            "transfer", "account", "password", "pin", "code", "garantie", "rendite", "risiko", "sicher", "gewinn",
            "beschwerde", "anwalt", "rendement", "risque", "plainte", "avocat", "gratuit", "ganancia", "riesgo",
            "queja", "abogado", "seguro", "dinero", "rentabilidad", "schnell", "vite", "rapido", "heute", "demain",
    };

    private BenchLexicon() {
    }

    /** 500 distinct entries: single words, prefixes and phrases of two to four words. */
    static List<String> entries(Random random) {
        Set<String> entries = new LinkedHashSet<>();
        for (String word : WORDS) {
            entries.add(word);
        }
        while (entries.size() < ENTRIES) {
            int words = 2 + random.nextInt(3);
            StringBuilder phrase = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
            for (int i = 1; i < words; i++) {
                phrase.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            entries.add(random.nextInt(10) == 0 ? phrase + "*" : phrase.toString());
        }
        return new ArrayList<>(entries);
    }

    /** 50 regexes of the shapes lexicons use: numbers in clear with check digits, references after a keyword. */
    static List<String> regexes() {
        List<String> regexes = new ArrayList<>(List.of(
                "(?<![+\\d])\\b(?:\\d[ -]?){12,18}\\d\\b",
                "\\b[a-z]{2}\\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,4})?\\b",
                "\\b(?:routing|aba|rtn)(?: number| no\\.?| num| #)?[ :#]*\\d{9}\\b",
                "\\b(?:account|acct|a/c)(?: number| no\\.?| num| #)?[ :#]*\\d{6,17}\\b"));
        String[] keywords = {"invoice", "policy", "claim", "case", "ticket", "order", "contract", "loan", "deal", "trade",
                "ref", "swift", "bic", "isin", "cusip", "sedol", "client", "portfolio", "mandate", "folio", "iban",
                "vorgang", "rechnung", "dossier", "pedido"};
        for (int i = 0; regexes.size() < REGEXES; i++) {
            String keyword = keywords[i % keywords.length];
            regexes.add(i < keywords.length
                    ? "\\b" + keyword + "[ :#-]*\\d{4,10}\\b"
                    : "\\b" + keyword + " (?:no\\.?|nr\\.?|number|#) ?[a-z]{0,3}\\d{3,8}(?:-\\d{1,4})?\\b");
        }
        return regexes;
    }

    /** The lexicon as ten policy files, loaded through the same loader as the real ones. */
    static List<LexiconPolicy> policies(List<String> entries, List<String> regexes) {
        List<LexiconPolicy> policies = new ArrayList<>();
        for (int p = 0; p < POLICIES; p++) {
            StringBuilder yaml = new StringBuilder("""
                    id: bench-%d
                    name: bench policy %d
                    version: 1
                    severity: medium
                    risk-score: 50
                    rules:
                    """.formatted(p, p));
            List<String> terms = new ArrayList<>();
            List<String> phrases = new ArrayList<>();
            for (int i = p; i < entries.size(); i += POLICIES) {
                (entries.get(i).contains(" ") ? phrases : terms).add(entries.get(i));
            }
            yaml.append("  - id: terms\n    terms: ").append(quoted(terms)).append('\n');
            yaml.append("  - id: phrases\n    phrases: ").append(quoted(phrases)).append('\n');
            for (int i = p; i < regexes.size(); i += POLICIES) {
                yaml.append("  - id: regex-").append(i).append("\n    regex: '").append(regexes.get(i).replace("'", "''")).append("'\n");
                if (i == 0) {
                    yaml.append("    validator: luhn\n");
                } else if (i == 1) {
                    yaml.append("    validator: iban\n");
                }
            }
            policies.add(PolicyLoader.parse("bench-" + p + ".yml", yaml.toString()));
        }
        return policies;
    }

    private static String quoted(List<String> values) {
        return values.stream().map(v -> '"' + v.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .reduce((a, b) -> a + ", " + b).map(list -> "[" + list + "]").orElse("[]");
    }
}
