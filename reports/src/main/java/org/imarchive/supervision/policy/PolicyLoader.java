package org.imarchive.supervision.policy;

import org.imarchive.archive.model.Direction;
import org.imarchive.archive.model.Platform;
import org.imarchive.archive.policyfile.PolicyYaml;
import org.imarchive.archive.policyfile.YamlMap;
import org.imarchive.supervision.text.FoldedText;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Reads lexicon policies from YAML, one policy per file, and refuses a bad one with its file, line and reason.
 * The file format is described in {@code docs/supervision.md}.
 */
public final class PolicyLoader {

    /** The flags every policy regex is compiled with; the engine uses the same, so what loads is what runs. */
    public static final int REGEX_FLAGS = Pattern.CASE_INSENSITIVE;

    private static final Set<String> POLICY_KEYS = Set.of(
            "id", "name", "version", "description", "applies-to", "severity", "risk-score", "rules", "exclusions");
    private static final Set<String> SCOPE_KEYS = Set.of("groups", "directions", "platforms");
    private static final Set<String> RULE_KEYS = Set.of("id", "terms", "phrases", "regex", "validator", "mask", "proximity");
    private static final Set<String> PROXIMITY_KEYS = Set.of("first", "second", "within", "ordered");
    private static final Set<String> EXCLUSION_KEYS = Set.of("id", "phrases", "regex");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final int MAX_PROXIMITY = 50;

    private PolicyLoader() {
    }

    /** Every {@code *.yml} and {@code *.yaml} file of a directory, in file-name order; policy ids must be unique. */
    public static List<LexiconPolicy> loadDirectory(Path directory) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list policy directory " + directory, e);
        }
        List<LexiconPolicy> policies = new ArrayList<>();
        Map<String, String> sourceById = new HashMap<>();
        for (Path file : files) {
            LexiconPolicy policy = load(file);
            String earlier = sourceById.putIfAbsent(policy.id(), policy.source());
            if (earlier != null) {
                throw new PolicyException(policy.source(), 1, 1, "policy id '" + policy.id() + "' is also used by " + earlier);
            }
            policies.add(policy);
        }
        return policies;
    }

    public static LexiconPolicy load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read policy file " + file, e);
        }
    }

    /** @param source the name errors and the policy's {@code source} give, usually the file name */
    public static LexiconPolicy parse(String source, String yaml) {
        MappingNode root = PolicyYaml.compose(source, yaml, "a policy file holds one mapping (id, name, version, rules, ...)",
                PolicyException::new);
        YamlMap policy = YamlMap.of(source, root, "a policy", POLICY_KEYS, PolicyException::new);
        String id = id(policy);
        List<Rule> rules = new ArrayList<>();
        List<Exclusion> exclusions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node node : policy.nodeList("rules")) {
            YamlMap rule = YamlMap.of(source, node, "a rule", RULE_KEYS, PolicyException::new);
            rules.add(rule(rule, id(rule), ids));
        }
        if (rules.isEmpty()) {
            throw policy.errorHere("a policy needs at least one rule under 'rules'");
        }
        for (Node node : policy.nodeList("exclusions")) {
            YamlMap exclusion = YamlMap.of(source, node, "an exclusion", EXCLUSION_KEYS, PolicyException::new);
            exclusions.add(exclusion(exclusion, id(exclusion), ids));
        }
        return new LexiconPolicy(
                id,
                policy.requiredString("name"),
                policy.requiredInt("version", 1, Integer.MAX_VALUE),
                PolicyYaml.contentHash(root),
                policy.optionalString("description"),
                scope(source, policy.value("applies-to")),
                severity(policy),
                policy.requiredInt("risk-score", 0, 100),
                rules,
                exclusions,
                source);
    }

    private static String id(YamlMap map) {
        String id = map.requiredString("id");
        if (!ID.matcher(id).matches()) {
            throw map.error(map.value("id"), "id '" + id + "' must be lower case letters, digits and dashes");
        }
        return id;
    }

    private static Rule rule(YamlMap rule, String id, Set<String> ids) {
        unique(rule, id, ids);
        List<String> kinds = Stream.of("terms", "phrases", "regex", "proximity").filter(rule::has).toList();
        if (kinds.size() != 1) {
            throw rule.errorHere("rule '" + id + "' needs exactly one of terms, phrases, regex, proximity (found " + kinds + ")");
        }
        if (!rule.has("regex") && (rule.has("validator") || rule.has("mask"))) {
            throw rule.errorHere("rule '" + id + "': 'validator' and 'mask' apply only to a regex rule");
        }
        return switch (kinds.get(0)) {
            case "terms" -> new LexiconRule(id, RuleKind.TERM, entries(rule, "terms", true));
            case "phrases" -> new LexiconRule(id, RuleKind.PHRASE, entries(rule, "phrases", false));
            case "regex" -> new RegexRule(id, regex(rule, "regex"), validator(rule), rule.optionalBoolean("mask", false));
            default -> proximity(rule, id);
        };
    }

    private static ProximityRule proximity(YamlMap rule, String id) {
        YamlMap proximity = rule.child("proximity", "a proximity rule", PROXIMITY_KEYS);
        if (!proximity.has("within")) {
            throw proximity.errorHere("proximity rule '" + id + "' needs 'within' (the most words allowed between the two)");
        }
        List<String> first = entries(proximity, "first", false);
        List<String> second = entries(proximity, "second", false);
        if (first.isEmpty() || second.isEmpty()) {
            throw proximity.errorHere("proximity rule '" + id + "' needs words under both 'first' and 'second'");
        }
        return new ProximityRule(id, first, second, proximity.requiredInt("within", 0, MAX_PROXIMITY),
                proximity.optionalBoolean("ordered", false));
    }

    private static Exclusion exclusion(YamlMap exclusion, String id, Set<String> ids) {
        unique(exclusion, id, ids);
        List<String> phrases = entries(exclusion, "phrases", false);
        String regex = exclusion.has("regex") ? regex(exclusion, "regex") : null;
        if (phrases.isEmpty() && regex == null) {
            throw exclusion.errorHere("exclusion '" + id + "' needs 'phrases' or a 'regex'");
        }
        return new Exclusion(id, phrases, regex);
    }

    private static void unique(YamlMap map, String id, Set<String> ids) {
        if (!ids.add(id)) {
            throw map.error(map.value("id"), "id '" + id + "' is used twice in this policy; hits name rules by id");
        }
    }

    /** Terms or phrases: non-empty after folding; a {@code *} only at the end (prefix match); terms are single words. */
    private static List<String> entries(YamlMap map, String key, boolean singleWords) {
        List<String> entries = new ArrayList<>();
        for (ScalarNode node : map.scalarList(key)) {
            String entry = node.getValue().strip();
            String body = entry.endsWith("*") ? entry.substring(0, entry.length() - 1) : entry;
            if (body.contains("*")) {
                throw map.error(node, "'" + entry + "': '*' is allowed only at the end, for a prefix match");
            }
            String folded = FoldedText.fold(body);
            if (folded.isBlank()) {
                throw map.error(node, "'" + entry + "' is empty once folded");
            }
            if (singleWords && folded.contains(" ")) {
                throw map.error(node, "term '" + entry + "' has several words: put it under 'phrases'");
            }
            entries.add(entry);
        }
        return entries;
    }

    private static String regex(YamlMap map, String key) {
        Node node = map.value(key);
        String pattern = map.requiredString(key);
        try {
            Pattern.compile(pattern, REGEX_FLAGS);
        } catch (PatternSyntaxException e) {
            throw map.error(node, "invalid regex: " + e.getDescription() + " near index " + e.getIndex() + " of " + pattern);
        }
        return pattern;
    }

    private static Validator validator(YamlMap rule) {
        String name = rule.optionalString("validator");
        if (name == null) {
            return null;
        }
        return Validator.fromWireName(name).orElseThrow(() -> rule.error(rule.value("validator"),
                "unknown validator '" + name + "' (expected luhn, iban or aba-routing)"));
    }

    private static Severity severity(YamlMap policy) {
        String name = policy.requiredString("severity");
        try {
            return Severity.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw policy.error(policy.value("severity"), "severity must be low, medium or high, not '" + name + "'");
        }
    }

    /** Absent, or a mapping of groups (absent or "all": every group), directions ("both") and platforms ("all"). */
    private static Scope scope(String source, Node node) {
        if (node == null) {
            return Scope.everything();
        }
        YamlMap scope = YamlMap.of(source, node, "applies-to", SCOPE_KEYS, PolicyException::new);
        TreeSet<String> groups = new TreeSet<>();
        for (ScalarNode group : scope.scalarList("groups")) {
            groups.add(group.getValue().strip());
        }
        if (groups.contains("all")) {
            if (groups.size() > 1) {
                throw scope.error(scope.value("groups"), "'all' groups cannot be combined with named groups");
            }
            groups.clear();
        }
        EnumSet<Direction> directions = EnumSet.noneOf(Direction.class);
        for (ScalarNode direction : scope.scalarList("directions")) {
            switch (direction.getValue().strip()) {
                case "both" -> directions.addAll(EnumSet.allOf(Direction.class));
                case "inbound" -> directions.add(Direction.INBOUND);
                case "outbound" -> directions.add(Direction.OUTBOUND);
                default -> throw scope.error(direction, "direction must be inbound, outbound or both, not '" + direction.getValue() + "'");
            }
        }
        EnumSet<Platform> platforms = EnumSet.noneOf(Platform.class);
        for (ScalarNode platform : scope.scalarList("platforms")) {
            switch (platform.getValue().strip()) {
                case "all" -> platforms.addAll(EnumSet.allOf(Platform.class));
                case "whatsapp" -> platforms.add(Platform.WHATSAPP);
                case "telegram" -> platforms.add(Platform.TELEGRAM);
                default -> throw scope.error(platform, "platform must be whatsapp, telegram or all, not '" + platform.getValue() + "'");
            }
        }
        return new Scope(groups,
                directions.isEmpty() ? EnumSet.allOf(Direction.class) : directions,
                platforms.isEmpty() ? EnumSet.allOf(Platform.class) : platforms);
    }
}
