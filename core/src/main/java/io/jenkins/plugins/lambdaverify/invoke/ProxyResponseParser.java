package io.jenkins.plugins.lambdaverify.invoke;

import io.jenkins.plugins.lambdaverify.invoke.InvocationException.Kind;
import io.jenkins.plugins.lambdaverify.spec.EventFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a function's raw answer the way its trigger would, so a response the trigger would reject is reported
 * as the function's fault ({@link Kind#BAD_PAYLOAD}) instead of being mistaken for success.
 *
 * <p>What counts as a proxy response depends on the {@link EventFormat}:
 * <ul>
 *   <li>{@code apigateway-v1} (REST API) and {@code alb}: the payload must be a JSON object with a
 *       {@code statusCode}; anything else is what API Gateway answers with 502 "Malformed Lambda proxy response"
 *       and the load balancer with 502. {@code body} must be a string.</li>
 *   <li>{@code apigateway-v2} (HTTP API, payload 2.0) and {@code function-url}: a JSON object with a
 *       {@code statusCode} is a proxy response; any other valid JSON (an object without {@code statusCode}, a
 *       string, a number, {@code null}) is returned as status 200 with {@code content-type: application/json}
 *       and the payload, as the function returned it, as the body. This is the documented 2.0 inference.
 *       A non-string {@code body} is passed on as its JSON text; {@code cookies} become {@code Set-Cookie}
 *       headers; {@code multiValueHeaders} is not part of 2.0 and is ignored.</li>
 * </ul>
 * In every format a payload that is not JSON, or larger than the limit (6 MB, the synchronous Invoke maximum),
 * is a bad payload; only an excerpt of it is kept.
 *
 * <p>{@code headers} and {@code multiValueHeaders} are merged (names case-insensitive, first spelling kept; a value
 * in both maps appears once). With {@code isBase64Encoded} the body is decoded: to text when it is UTF-8, otherwise
 * the body stays the base64 text (and {@link InvocationResponse#bodyBase64()} is true either way).
 *
 * <p>With an {@code X-Amz-Function-Error} ({@code Unhandled}/{@code Handled}) the payload is the runtime's error
 * object: {@code errorType}, {@code errorMessage} and the stack trace (Python and Java: {@code stackTrace}, a list
 * of strings; Node.js: {@code trace} or {@code stackTrace}); the result has no status code and a
 * {@link FunctionError} with the first {@value #STACK_LINES} stack lines.
 */
public final class ProxyResponseParser {

    /** The largest response a synchronous invoke can return (6 MB). */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;
    /** Stack trace lines kept in a {@link FunctionError}. */
    public static final int STACK_LINES = 10;

    private static final JsonMapper JSON = JsonMapper.shared();

    private final EventFormat format;
    private final int maxPayloadBytes;

    public ProxyResponseParser(EventFormat format) {
        this(format, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public ProxyResponseParser(EventFormat format, int maxPayloadBytes) {
        this.format = format;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    public EventFormat format() {
        return format;
    }

    /**
     * @param payload       the response payload
     * @param functionError the {@code X-Amz-Function-Error} value, or {@code null}
     * @return the response, with log tail, request id, version and init duration left {@code null} for the caller
     */
    public InvocationResponse parse(byte[] payload, String functionError) throws InvocationException {
        byte[] bytes = payload == null ? new byte[0] : payload;
        if (bytes.length > maxPayloadBytes) {
            throw bad("Function response is " + bytes.length + " bytes, over the " + maxPayloadBytes
                    + "-byte limit; only an excerpt is kept", bytes, null);
        }
        if (functionError != null && !functionError.isBlank()) {
            return new InvocationResponse(null, Map.of(), new String(bytes, StandardCharsets.UTF_8), false,
                    parseFunctionError(functionError, bytes), null, null, null, null);
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            throw bad("Function response is not JSON (" + triggerAnswer() + "): " + firstLine(e.getOriginalMessage()),
                    bytes, e);
        }
        if (root == null || root.isMissingNode()) {
            throw bad("Function response is empty (" + triggerAnswer() + ")", bytes, null);
        }
        boolean payloadV2 = format == EventFormat.APIGATEWAY_V2 || format == EventFormat.FUNCTION_URL;
        if (!root.isObject() || !root.has("statusCode")) {
            if (payloadV2) {
                return new InvocationResponse(200, Map.of("content-type", List.of("application/json")),
                        new String(bytes, StandardCharsets.UTF_8), false, null, null, null, null, null);
            }
            String what = root.isObject() ? "a JSON object without statusCode" : "a JSON " + kindOf(root);
            throw bad("Function response is " + what + ", not a proxy response (" + triggerAnswer()
                    + "); return {\"statusCode\": 200, \"headers\": {...}, \"body\": \"...\"}", bytes, null);
        }
        return proxyResponse(root, bytes, payloadV2);
    }

    private InvocationResponse proxyResponse(JsonNode root, byte[] bytes, boolean payloadV2)
            throws InvocationException {
        int status = statusCode(root.get("statusCode"), bytes);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> names = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        addHeaders(headers, names, root.get("headers"), "headers", bytes);
        if (!payloadV2) {
            addHeaders(headers, names, root.get("multiValueHeaders"), "multiValueHeaders", bytes);
        } else if (root.hasNonNull("cookies")) {
            JsonNode cookies = root.get("cookies");
            if (!cookies.isArray()) {
                throw bad("cookies must be a list of strings, got a JSON " + kindOf(cookies), bytes, null);
            }
            for (JsonNode cookie : cookies.values()) {
                add(headers, names, "Set-Cookie", scalar(cookie, "cookies", bytes));
            }
        }

        JsonNode bodyNode = root.get("body");
        String body = null;
        if (bodyNode != null && !bodyNode.isNull()) {
            if (bodyNode.isString()) {
                body = bodyNode.stringValue();
            } else if (payloadV2) {
                body = JSON.writeValueAsString(bodyNode);
            } else {
                throw bad("body must be a string, got a JSON " + kindOf(bodyNode) + " (" + triggerAnswer()
                        + "); serialize it first, e.g. json.dumps(...) or JSON.stringify(...)", bytes, null);
            }
        }
        JsonNode base64Node = root.get("isBase64Encoded");
        boolean base64 = base64Node != null && (base64Node.isBoolean() ? base64Node.booleanValue()
                : "true".equalsIgnoreCase(base64Node.asString("")));
        if (base64 && body != null) {
            byte[] decoded;
            try {
                decoded = Base64.getDecoder().decode(body.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw bad("isBase64Encoded is true but body is not valid base64 (" + e.getMessage() + ")", bytes, e);
            }
            String text = Payloads.utf8OrNull(decoded);
            if (text != null) {
                body = text;
            }
        }
        return new InvocationResponse(status, headers, body, base64, null, null, null, null, null);
    }

    private int statusCode(JsonNode node, byte[] bytes) throws InvocationException {
        Integer status = null;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            status = node.intValue();
        } else if (node.isString() && node.stringValue().strip().matches("\\d{1,3}")) {
            status = Integer.parseInt(node.stringValue().strip());
        }
        if (status == null || status < 100 || status > 599) {
            throw bad("statusCode " + JSON.writeValueAsString(node) + " is not an HTTP status (100-599)", bytes, null);
        }
        return status;
    }

    private void addHeaders(Map<String, List<String>> headers, Map<String, String> names, JsonNode node,
                            String field, byte[] bytes) throws InvocationException {
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isObject()) {
            throw bad(field + " must be an object of header names to values, got a JSON " + kindOf(node), bytes, null);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getValue().isArray()) {
                for (JsonNode v : e.getValue().values()) {
                    add(headers, names, e.getKey(), scalar(v, field, bytes));
                }
            } else if (!e.getValue().isNull()) {
                add(headers, names, e.getKey(), scalar(e.getValue(), field, bytes));
            }
        }
    }

    private static void add(Map<String, List<String>> headers, Map<String, String> names, String name, String value) {
        List<String> values = headers.computeIfAbsent(names.computeIfAbsent(name, n -> n), k -> new ArrayList<>());
        if (!values.contains(value)) {
            values.add(value);
        }
    }

    private String scalar(JsonNode v, String field, byte[] bytes) throws InvocationException {
        if (v.isObject() || v.isArray()) {
            throw bad(field + " values must be strings, got a JSON " + kindOf(v), bytes, null);
        }
        return v.asString();
    }

    /** The runtime's error object; a payload that is not one is kept as the message. */
    static FunctionError parseFunctionError(String kind, byte[] bytes) {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            return new FunctionError(kind, null, Payloads.excerpt(bytes), List.of());
        }
        String type = text(root.get("errorType"));
        String message = text(root.get("errorMessage"));
        List<String> stack = new ArrayList<>();
        JsonNode trace = root.hasNonNull("stackTrace") ? root.get("stackTrace") : root.get("trace");
        addStackLines(stack, trace);
        JsonNode cause = root.get("cause");
        if (cause != null && cause.isObject() && stack.size() < STACK_LINES) {
            String causeType = text(cause.get("errorType"));
            String causeMessage = text(cause.get("errorMessage"));
            stack.add("Caused by: " + (causeType == null ? "" : causeType)
                    + (causeMessage == null ? "" : ": " + causeMessage));
        }
        return new FunctionError(kind, type, message, stack);
    }

    private static void addStackLines(List<String> out, JsonNode trace) {
        if (trace == null || trace.isNull()) {
            return;
        }
        List<JsonNode> frames = trace.isArray() ? new ArrayList<>(trace.values()) : List.of(trace);
        for (JsonNode frame : frames) {
            String text;
            if (frame.isObject()) {
                // Go: {"path": ..., "line": ..., "label": ...}
                text = frame.has("label") || frame.has("path")
                        ? frame.path("label").asString("") + " " + frame.path("path").asString("") + ":"
                        + frame.path("line").asString("")
                        : JSON.writeValueAsString(frame);
            } else {
                text = frame.asString("");
            }
            for (String line : text.split("\\R")) {
                if (out.size() >= STACK_LINES) {
                    return;
                }
                if (!line.isBlank()) {
                    out.add(line.stripTrailing());
                }
            }
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asString() : JSON.writeValueAsString(node);
    }

    private String triggerAnswer() {
        return switch (format) {
            case APIGATEWAY_V1 -> "API Gateway would answer 502 Bad Gateway";
            case ALB -> "the load balancer would answer 502 Bad Gateway";
            case APIGATEWAY_V2, FUNCTION_URL -> "the caller would get 500 Internal Server Error";
        };
    }

    private static String kindOf(JsonNode node) {
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static InvocationException bad(String message, byte[] bytes, Throwable cause) {
        return new InvocationException(Kind.BAD_PAYLOAD, message, Payloads.excerpt(bytes), cause);
    }
}
