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
            throw new SpecException(at, "not valid YAML: " + yamlProblem(e.getOriginalMessage()));
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
     * The parser's problem in one line. Its message reads "while parsing X / in reader, line.. / source echo / ^ /
     * expected Y, but found Z / ...": the context line alone ("while parsing a block mapping") says nothing a user
     * can act on, so the problem comes first, the context after it, and the echoed source is dropped (the
     * file:line:column already points there).
     */
    static String yamlProblem(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable";
        }
        java.util.List<String> lines = message.strip().lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)) && !l.startsWith("^"))
                .map(String::strip).toList();
        if (lines.isEmpty()) {
            return message.strip().lines().findFirst().orElse("unreadable").strip();
        }
        String context = lines.getFirst().startsWith("while ") && lines.size() > 1 ? lines.getFirst() : null;
        String problem = context != null ? lines.get(1) : lines.getFirst();
        return problem + (context != null ? " (" + context + ")" : "");
    }
}
