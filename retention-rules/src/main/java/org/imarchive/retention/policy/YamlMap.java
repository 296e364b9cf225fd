package org.imarchive.retention.policy;

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
 * A YAML mapping read with its marks, so every complaint names the line and column of the value. Unknown keys are
 * refused: a misspelt {@code jurisdiction:} silently ignored would widen a rule to every record.
 */
final class YamlMap {

    private final String source;
    private final Node node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(String source, Node node) {
        this.source = source;
        this.node = node;
    }

    static YamlMap of(String source, Node node, String what, Set<String> allowedKeys) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(source, node, what + " must be a mapping of keys to values");
        }
        YamlMap map = new YamlMap(source, node);
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(source, tuple.getKeyNode(), "a key");
            if (!allowedKeys.contains(key)) {
                throw error(source, tuple.getKeyNode(), "unknown field '" + key + "' in " + what + " (expected one of " + allowedKeys + ")");
            }
            if (map.entries.put(key, tuple) != null) {
                throw error(source, tuple.getKeyNode(), "duplicate field '" + key + "' in " + what);
            }
        }
        return map;
    }

    static RetentionPolicyException error(String source, Node at, String reason) {
        return new RetentionPolicyException(source, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1, reason);
    }

    RetentionPolicyException error(Node at, String reason) {
        return error(source, at, reason);
    }

    RetentionPolicyException errorHere(String reason) {
        return error(source, node, reason);
    }

    YamlMap child(String key, String what, Set<String> allowedKeys) {
        Node value = value(key);
        if (value == null) {
            throw errorHere("missing field '" + key + "'");
        }
        return of(source, value, what, allowedKeys);
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value node of {@code key}, or null when the key is absent. */
    Node value(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? null : tuple.getValueNode();
    }

    String requiredString(String key) {
        Node value = value(key);
        if (value == null) {
            throw errorHere("missing field '" + key + "'");
        }
        String text = scalar(source, value, "'" + key + "'");
        if (text.isBlank()) {
            throw error(value, "'" + key + "' must not be empty");
        }
        return text.strip();
    }

    String optionalString(String key) {
        Node value = value(key);
        return value == null || isNull(value) ? null : scalar(source, value, "'" + key + "'").strip();
    }

    int optionalInt(String key, int min, int max) {
        Node value = value(key);
        if (value == null) {
            return 0;
        }
        String text = scalar(source, value, "'" + key + "'");
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

    int requiredInt(String key, int min, int max) {
        if (!has(key)) {
            throw errorHere("missing field '" + key + "'");
        }
        return optionalInt(key, min, max);
    }

    /** A list of strings; a single scalar stands for a list of one. Absent gives an empty list. */
    List<ScalarNode> scalarList(String key) {
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
    List<Node> nodeList(String key) {
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

    private static String scalar(String source, Node node, String what) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(source, node, what + " must be a single value");
        }
        return scalar.getValue();
    }
}
