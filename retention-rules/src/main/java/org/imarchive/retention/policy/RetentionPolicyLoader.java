package org.imarchive.retention.policy;

import org.imarchive.archive.model.Platform;
import org.imarchive.archive.policyfile.PolicyYaml;
import org.imarchive.archive.policyfile.YamlMap;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code config/retention.yml} and refuses a bad file with its name, line, column and reason. The format is
 * described in {@code docs/retention.md}. SnakeYAML's node tree is read rather than data-bound, because it keeps
 * the position of every value.
 */
public final class RetentionPolicyLoader {

    private static final Set<String> POLICY_KEYS = Set.of("name", "version", "description", "rules");
    private static final Set<String> RULE_KEYS = Set.of("id", "description", "applies-to", "keep", "legal-basis");
    private static final Set<String> SCOPE_KEYS = Set.of("record-types", "platforms", "accounts", "business-lines", "jurisdictions");
    private static final Set<String> PERIOD_KEYS = Set.of("years", "months", "days");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    /** Far beyond any retention law; a larger figure is a typo (days meant as years), not a policy. */
    private static final int MAX_YEARS = 100;

    private RetentionPolicyLoader() {
    }

    public static RetentionPolicySet load(Path file) {
        try {
            return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read retention policy file " + file, e);
        }
    }

    /** @param source the name errors give, usually the file name */
    public static RetentionPolicySet parse(String source, String yaml) {
        MappingNode root = PolicyYaml.compose(source, yaml, "a retention policy file holds one mapping (name, version, rules)",
                RetentionPolicyException::new);
        YamlMap policy = YamlMap.of(source, root, "the retention policy", POLICY_KEYS, RetentionPolicyException::new);
        String name = policy.requiredString("name").strip();
        int version = policy.requiredInt("version", 1, Integer.MAX_VALUE);
        if (!policy.has("rules")) {
            throw policy.errorHere("missing field 'rules'");
        }
        List<RetentionRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node node : policy.nodeList("rules")) {
            RetentionRule rule = rule(YamlMap.of(source, node, "a rule", RULE_KEYS, RetentionPolicyException::new));
            if (!ids.add(rule.id())) {
                throw YamlMap.error(source, node, "rule id '" + rule.id() + "' is used twice; it names a retention class",
                        RetentionPolicyException::new);
            }
            rules.add(rule);
        }
        try {
            return new RetentionPolicySet(name, version, PolicyYaml.contentHash(root), source, rules);
        } catch (IllegalArgumentException e) {
            throw policy.error(policy.value("rules"), e.getMessage());
        }
    }

    private static RetentionRule rule(YamlMap rule) {
        String id = rule.requiredString("id").strip();
        if (!ID.matcher(id).matches()) {
            throw rule.error(rule.value("id"), "rule id '" + id + "' must be lower case letters, digits, dots and dashes");
        }
        RuleCriteria criteria = rule.has("applies-to")
                ? criteria(rule.child("applies-to", "applies-to", SCOPE_KEYS))
                : RuleCriteria.any();
        return new RetentionRule(id, stripped(rule.optionalString("description")), criteria, period(rule),
                rule.requiredString("legal-basis").strip());
    }

    private static RetentionPeriod period(YamlMap rule) {
        YamlMap keep = rule.child("keep", "keep (years, months, days)", PERIOD_KEYS);
        try {
            return new RetentionPeriod(keep.optionalInt("years", 0, MAX_YEARS, 0),
                    keep.optionalInt("months", 0, MAX_YEARS * 12, 0), keep.optionalInt("days", 0, MAX_YEARS * 366, 0));
        } catch (IllegalArgumentException e) {
            throw keep.errorHere(e.getMessage());
        }
    }

    private static RuleCriteria criteria(YamlMap scope) {
        Set<RecordType> types = EnumSet.noneOf(RecordType.class);
        for (ScalarNode node : scope.scalarList("record-types")) {
            types.add(RecordType.fromWireName(node.getValue().strip()).orElseThrow(() -> scope.error(node,
                    "unknown record type '" + node.getValue() + "' (expected message, attachment, audit-entry or review-evidence)")));
        }
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        for (ScalarNode node : scope.scalarList("platforms")) {
            switch (node.getValue().strip()) {
                case "whatsapp" -> platforms.add(Platform.WHATSAPP);
                case "telegram" -> platforms.add(Platform.TELEGRAM);
                default -> throw scope.error(node, "platform must be whatsapp or telegram, not '" + node.getValue() + "'");
            }
        }
        return new RuleCriteria(types, platforms, strings(scope, "accounts"), strings(scope, "business-lines"),
                strings(scope, "jurisdictions"));
    }

    private static Set<String> strings(YamlMap scope, String key) {
        Set<String> values = new LinkedHashSet<>();
        for (ScalarNode node : scope.scalarList(key)) {
            values.add(node.getValue().strip());
        }
        return values;
    }

    /** Names, ids and bases are compared as written without surrounding blanks. */
    private static String stripped(String text) {
        return text == null ? null : text.strip();
    }
}
