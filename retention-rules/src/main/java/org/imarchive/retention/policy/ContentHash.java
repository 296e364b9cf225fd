package org.imarchive.retention.policy;

import org.imarchive.archive.support.Sha256;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash of a policy's content, computed as the lexicon policies' is (ADR 0009): the YAML tree as compact JSON,
 * keys sorted, every scalar a string, the top-level {@code version} left out, then SHA-256. Comments and layout do
 * not change it; any rule, period or basis does. An examiner can recompute it with any YAML and JSON tool.
 */
final class ContentHash {

    private ContentHash() {
    }

    static String of(MappingNode policy) {
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
