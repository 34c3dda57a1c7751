package io.jenkins.plugins.lambdaverify.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads YAML into {@link Node}s that remember line and column. Jackson's tree model forgets locations,
 * so this walks the token stream itself.
 */
final class LocatedTreeReader {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final String file;

    LocatedTreeReader(String file) {
        this.file = file;
    }

    /** @return the document's root, or {@code null} for an empty document */
    Node read(String yaml) {
        try (JsonParser p = YAML.createParser(yaml)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return null;
            }
            return readValue(p);
        } catch (JacksonException e) {
            TokenStreamLocation loc = e.getLocation();
            SourceLocation at = loc == null ? new SourceLocation(file, 0, 0)
                    : new SourceLocation(file, loc.getLineNr(), loc.getColumnNr());
            throw new SpecException(at, "not valid YAML: " + firstLine(e.getOriginalMessage()));
        }
    }

    private Node readValue(JsonParser p) {
        SourceLocation at = location(p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Node.Entry> entries = new LinkedHashMap<>();
                List<SpecProblem> duplicates = new ArrayList<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String key = p.currentName();
                    SourceLocation keyAt = location(p.currentTokenLocation());
                    p.nextToken();
                    Node value = readValue(p);
                    if (entries.containsKey(key)) {
                        duplicates.add(new SpecProblem(keyAt, "duplicate key '" + key + "' (first at line "
                                + entries.get(key).keyLocation().line() + ")"));
                    }
                    entries.put(key, new Node.Entry(key, keyAt, value));
                }
                if (!duplicates.isEmpty()) {
                    throw new SpecException(duplicates);
                }
                return new Node.MapNode(entries, at);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p));
                }
                return new Node.ListNode(items, at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node.Scalar(p.getNumberValue(), p.getString(), at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node.Scalar(t == JsonToken.VALUE_TRUE, p.getString(), at);
            }
            case VALUE_NULL -> {
                return new Node.Scalar(null, "", at);
            }
            default -> {
                return new Node.Scalar(p.getString(), p.getString(), at);
            }
        }
    }

    private SourceLocation location(TokenStreamLocation loc) {
        return new SourceLocation(file, loc.getLineNr(), loc.getColumnNr());
    }

    /**
     * SnakeYAML's message as one line: its context and problem ("while parsing a flow sequence: expected ',' or
     * ']', but got <stream end>"), without the indented "in reader, line ..." marks and source excerpts (the
     * location is given separately). The first line alone is often only the context, which does not say what is wrong.
     */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        String joined = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::strip).collect(java.util.stream.Collectors.joining(": "));
        return joined.isEmpty() ? message.strip().lines().findFirst().orElse("unreadable") : joined;
    }
}
