package io.jenkins.plugins.lambdaverify.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP-shaped request, as a user wrote it: the same whether it is sent over HTTP or wrapped in an
 * API Gateway / ALB / function URL event for a direct invoke.
 *
 * @param method      upper-case HTTP method
 * @param path        path without query string, always starting with {@code /}
 * @param headers     header name (as written) to values, in the order written
 * @param query       query parameter to values, in the order written
 * @param body        request body as text, or base64 text when {@code base64Body}; {@code null} for none
 * @param base64Body  whether {@code body} is base64 (binary payloads)
 */
public record RequestSpec(String method, String path, Map<String, List<String>> headers,
                          Map<String, List<String>> query, String body, boolean base64Body) {

    public RequestSpec {
        headers = copy(headers);
        query = copy(query);
    }

    public static RequestSpec get(String path) {
        return new RequestSpec("GET", path, Map.of(), Map.of(), null, false);
    }

    /** First value of a header, case-insensitive, or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0))
                .findFirst().orElse(null);
    }

    /** The path with its query string, as a user would type it in a browser (not masked). */
    public String pathWithQuery() {
        if (query.isEmpty()) {
            return path;
        }
        StringBuilder sb = new StringBuilder(path).append('?');
        query.forEach((k, vs) -> vs.forEach(v -> sb.append(sb.charAt(sb.length() - 1) == '?' ? "" : "&")
                .append(k).append('=').append(v)));
        return sb.toString();
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> in) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (in != null) {
            in.forEach((k, v) -> out.put(k, List.copyOf(v)));
        }
        return java.util.Collections.unmodifiableMap(out);
    }
}
