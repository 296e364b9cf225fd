package org.imarchive.archive.policyfile;

import org.imarchive.archive.support.Sha256;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A policy file as a SnakeYAML node tree, which keeps the position of every value (data binding would lose it), and
 * the hash of its content (ADR 0009): the tree as compact JSON, keys sorted, every scalar a string, the top-level
 * {@code version} left out, then SHA-256. Comments, indentation, quoting and key order do not change the hash; any
 * word, rule, period or basis does. It is computed from the parsed tree, not from our records, so it stays the same
 * across releases of this code, and an examiner can recompute it with any YAML and JSON tool.
 */
public final class PolicyYaml {

    private PolicyYaml() {
    }

    /**
     * The file's one mapping; refused with the file, line and column of a YAML error, or when it holds anything else.
     *
     * @param holds what the mapping should hold, for the refusal ("one mapping (name, version, rules)")
     */
    public static MappingNode compose(String source, String yaml, String holds, PolicyFileException.Kind kind) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        Node root;
        try {
            root = new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw kind.at(source, mark == null ? 1 : mark.getLine() + 1, mark == null ? 1 : mark.getColumn() + 1, "not valid YAML: " + e.getProblem());
        } catch (YAMLException e) {
            throw kind.at(source, 1, 1, "not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw kind.at(source, 1, 1, holds);
        }
        return mapping;
    }

    /** {@code sha256:<hex>} of the policy's canonical content. */
    public static String contentHash(MappingNode policy) {
        StringBuilder canonical = new StringBuilder();
        writeMapping(policy, canonical, true);
        return "sha256:" + Sha256.hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void write(Node node, StringBuilder out) {
        if (node instanceof MappingNode mapping) {
            writeMapping(mapping, out, false);
        } else if (node instanceof SequenceNode sequence) {
            out.append('[');
            for (int i = 0; i < sequence.getValue().size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(sequence.getValue().get(i), out);
            }
            out.append(']');
        } else {
            writeString(((ScalarNode) node).getValue(), out);
        }
    }

    private static void writeMapping(MappingNode mapping, StringBuilder out, boolean topLevel) {
        Map<String, Node> sorted = new TreeMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = ((ScalarNode) tuple.getKeyNode()).getValue();
            if (!(topLevel && key.equals("version"))) {
                sorted.put(key, tuple.getValueNode());
            }
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Node> entry : sorted.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(entry.getKey(), out);
            out.append(':');
            write(entry.getValue(), out);
        }
        out.append('}');
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
