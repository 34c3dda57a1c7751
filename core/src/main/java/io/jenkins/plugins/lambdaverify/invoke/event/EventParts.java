package io.jenkins.plugins.lambdaverify.invoke.event;

import io.jenkins.plugins.lambdaverify.spec.RequestSpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The pieces every event format is built from. */
final class EventParts {

    /** API Gateway's {@code requestTime}/{@code time} format, e.g. {@code 09/Apr/2015:12:34:56 +0000}. */
    static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EventParts() {
    }

    /**
     * The request's headers plus what the trigger adds when the client did not send it (Host, User-Agent,
     * X-Forwarded-*), names merged case-insensitively (first spelling wins, or lower-cased when {@code lowerCase}).
     */
    static Map<String, List<String>> headers(RequestSpec request, String host, EventContext context,
                                             boolean lowerCase) {
        Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, List<String>> out = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> add(out, names, name, values, lowerCase));
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("Host", host);
        defaults.put("User-Agent", context.userAgent());
        defaults.put("X-Forwarded-For", context.sourceIp());
        defaults.put("X-Forwarded-Port", "443");
        defaults.put("X-Forwarded-Proto", "https");
        defaults.forEach((name, value) -> {
            if (!names.containsKey(name)) {
                add(out, names, name, List.of(value), lowerCase);
            }
        });
        return out;
    }

    private static void add(Map<String, List<String>> out, Map<String, String> names, String name,
                            List<String> values, boolean lowerCase) {
        String key = names.computeIfAbsent(name, n -> lowerCase ? n.toLowerCase(Locale.ROOT) : n);
        out.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
    }

    /** The request's body for the event, checked to be base64 when it says so. */
    static String body(RequestSpec request) {
        if (request.body() != null && request.base64Body()) {
            String compact = request.body().replaceAll("\\s", "");
            try {
                Base64.getDecoder().decode(compact);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("request body is marked base64 but is not valid base64 ("
                        + e.getMessage() + "): " + excerpt(request.body()));
            }
            return compact;
        }
        return request.body();
    }

    static String userAgent(Map<String, List<String>> headers, EventContext context) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("User-Agent"))
                .filter(e -> !e.getValue().isEmpty()).map(e -> e.getValue().get(e.getValue().size() - 1))
                .findFirst().orElse(context.userAgent());
    }

    static String requestTime(Clock clock) {
        return REQUEST_TIME.format(clock.instant());
    }

    static String last(List<String> values) {
        return values.isEmpty() ? "" : values.get(values.size() - 1);
    }

    /** Single-value map: the last value of each name (what API Gateway 1.0 and ALB keep for duplicates). */
    static ObjectNode lastValues(Map<String, List<String>> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach((k, v) -> {
            if (!v.isEmpty()) {
                node.put(k, last(v));
            }
        });
        return node;
    }

    /** Single-value map: values joined with commas (what payload format 2.0 does for duplicates). */
    static ObjectNode commaJoined(Map<String, List<String>> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach((k, v) -> {
            if (!v.isEmpty()) {
                node.put(k, String.join(",", v));
            }
        });
        return node;
    }

    static ObjectNode multiValues(Map<String, List<String>> map) {
        ObjectNode node = NODES.objectNode();
        map.forEach((k, v) -> {
            if (!v.isEmpty()) {
                ArrayNode array = node.putArray(k);
                v.forEach(array::add);
            }
        });
        return node;
    }

    /** The query with keys and values as a client puts them on the wire (percent-encoded). */
    static Map<String, List<String>> encodedQuery(Map<String, List<String>> query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        query.forEach((k, vs) -> out.computeIfAbsent(UrlEncoding.encodeQueryComponent(k), x -> new ArrayList<>())
                .addAll(vs.stream().map(v -> UrlEncoding.encodeQueryComponent(v == null ? "" : v)).toList()));
        return out;
    }

    static String excerpt(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }
}
