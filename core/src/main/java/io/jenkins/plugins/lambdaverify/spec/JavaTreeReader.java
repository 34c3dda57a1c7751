package io.jenkins.plugins.lambdaverify.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns plain Java maps and lists (Pipeline step parameters such as inline {@code phases}) into {@link Node}s.
 * There is no line to point at, so locations name the parameter path instead, e.g. {@code phases[0].checks[1]}.
 */
final class JavaTreeReader {
    private final String origin;

    JavaTreeReader(String origin) {
        this.origin = origin;
    }

    Node read(Object value, String path) {
        SourceLocation at = new SourceLocation(origin + " " + path, 0, 0);
        if (value instanceof Map<?, ?> map) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                String childPath = path.isEmpty() ? key : path + "." + key;
                entries.put(key, new Node.Entry(key, new SourceLocation(origin + " " + childPath, 0, 0),
                        read(v, childPath)));
            });
            return new Node.MapNode(entries, at);
        }
        if (value instanceof List<?> list) {
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                items.add(read(list.get(i), path + "[" + i + "]"));
            }
            return new Node.ListNode(items, at);
        }
        if (value instanceof Number || value instanceof Boolean || value == null) {
            return new Node.Scalar(value, value == null ? "" : String.valueOf(value), at);
        }
        return new Node.Scalar(String.valueOf(value), String.valueOf(value), at);
    }
}
