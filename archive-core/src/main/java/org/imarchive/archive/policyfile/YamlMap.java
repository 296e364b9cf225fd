package org.imarchive.archive.policyfile;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A YAML mapping read with its marks, so every complaint about a value names the line and column it stands on, in
 * the exception of the policy kind being read. Unknown keys are refused: a misspelt {@code exclusion:} or
 * {@code jurisdiction:} silently ignored would leave a disclaimer flagging or widen a rule to every record.
 * Text is returned as written; a loader that compares it trimmed strips it itself.
 */
public final class YamlMap {

    private final String source;
    private final Node node;
    private final PolicyFileException.Kind kind;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(String source, Node node, PolicyFileException.Kind kind) {
        this.source = source;
        this.node = node;
        this.kind = kind;
    }

    /** @param what the mapping's name in refusals ("a rule", "applies-to") */
    public static YamlMap of(String source, Node node, String what, Set<String> allowedKeys, PolicyFileException.Kind kind) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(source, node, what + " must be a mapping of keys to values", kind);
        }
        YamlMap map = new YamlMap(source, node, kind);
        for (NodeTuple tuple : mapping.getValue()) {
            String key = map.scalar(tuple.getKeyNode(), "a key");
            if (!allowedKeys.contains(key)) {
                throw map.error(tuple.getKeyNode(), "unknown field '" + key + "' in " + what + " (expected one of " + allowedKeys + ")");
            }
            if (map.entries.put(key, tuple) != null) {
                throw map.error(tuple.getKeyNode(), "duplicate field '" + key + "' in " + what);
            }
        }
        return map;
    }

    /** A refusal at the node's position. */
    public static PolicyFileException error(String source, Node at, String reason, PolicyFileException.Kind kind) {
        return kind.at(source, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, reason);
    }

    public PolicyFileException error(Node at, String reason) {
        return error(source, at, reason, kind);
    }

    /** A refusal at the mapping itself (a missing key, a rule that contradicts itself). */
    public PolicyFileException errorHere(String reason) {
        return error(source, node, reason, kind);
    }

    /** The mapping under {@code key}, read with the same care; refused when absent. */
    public YamlMap child(String key, String what, Set<String> allowedKeys) {
        Node value = value(key);
        if (value == null) {
            throw errorHere("missing field '" + key + "'");
        }
        return of(source, value, what, allowedKeys, kind);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value node of {@code key}, or null when the key is absent. */
    public Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    public String requiredString(String key) {
        Node value = value(key);
        if (value == null) {
            throw errorHere("missing field '" + key + "'");
        }
        String text = scalar(value, "'" + key + "'");
        if (text.isBlank()) {
            throw error(value, "'" + key + "' must not be empty");
        }
        return text;
    }

    public String optionalString(String key) {
        Node value = value(key);
        return value == null || isNull(value) ? null : scalar(value, "'" + key + "'");
    }

    public int requiredInt(String key, int min, int max) {
        if (!has(key)) {
            throw errorHere("missing field '" + key + "'");
        }
        return optionalInt(key, min, max, 0);
    }

    public int optionalInt(String key, int min, int max, int otherwise) {
        Node value = value(key);
        if (value == null) {
            return otherwise;
        }
        String text = scalar(value, "'" + key + "'");
        try {
            int number = Integer.parseInt(text.strip());
            if (number < min || number > max) {
                throw error(value, "'" + key + "' must be between " + min + " and " + max + ", not " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw error(value, "'" + key + "' must be a whole number, not '" + text + "'");
        }
    }

    public boolean optionalBoolean(String key, boolean otherwise) {
        Node value = value(key);
        if (value == null) {
            return otherwise;
        }
        String text = scalar(value, "'" + key + "'");
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(value, "'" + key + "' must be true or false, not '" + text + "'");
        };
    }

    /** A list of strings; a single scalar stands for a list of one. Absent gives an empty list. */
    public List<ScalarNode> scalarList(String key) {
        Node value = value(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (value instanceof ScalarNode single) {
            return List.of(single);
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(value, "'" + key + "' must be a list of strings");
        }
        List<ScalarNode> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw error(item, "'" + key + "' must be a list of non-empty strings");
            }
            items.add(scalar);
        }
        return items;
    }

    /** The items of a list of mappings under {@code key}; absent gives an empty list. */
    public List<Node> nodeList(String key) {
        Node value = value(key);
        if (value == null || isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw error(value, "'" + key + "' must be a list");
        }
        return sequence.getValue();
    }

    private static boolean isNull(Node value) {
        return value.getTag().equals(Tag.NULL);
    }

    private String scalar(Node at, String what) {
        if (!(at instanceof ScalarNode scalar)) {
            throw error(at, what + " must be a single value");
        }
        return scalar.getValue();
    }
}
