package io.jenkins.plugins.lambdaverify.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A config value with the place it was written, so every error can name file:line:column.
 * Built from YAML by {@link LocatedTreeReader} or from step parameters by {@link JavaTreeReader}.
 */
sealed interface Node permits Node.Scalar, Node.MapNode, Node.ListNode {

    SourceLocation location();

    /** e.g. "a number", "a list": for "expected X, found Y" messages. */
    String kind();

    /** A scalar: text as written, with what YAML/JSON made of it. */
    record Scalar(Object value, String text, SourceLocation location) implements Node {
        @Override
        public String kind() {
            if (value == null) {
                return "nothing (null)";
            }
            return value instanceof Number ? "a number" : value instanceof Boolean ? "true/false" : "text";
        }
    }

    /** A key with where the key itself was written. */
    record Entry(String key, SourceLocation keyLocation, Node value) {
    }

    record MapNode(Map<String, Entry> entries, SourceLocation location) implements Node {
        public MapNode {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String kind() {
            return "a map";
        }
    }

    record ListNode(List<Node> items, SourceLocation location) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String kind() {
            return "a list";
        }
    }
}
