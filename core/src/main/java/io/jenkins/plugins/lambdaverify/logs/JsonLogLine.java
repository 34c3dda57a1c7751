package io.jenkins.plugins.lambdaverify.logs;

import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fields of a JSON log line that say it is an error: Lambda's JSON log format ({@code level},
 * {@code errorType}, {@code errorMessage}, platform records with a {@code status}) and common logger shapes.
 *
 * @param summary        a short text for the signature, e.g. {@code Runtime.ImportModuleError: No module named 'x'}
 * @param level          the upper-cased level, or {@code null}
 * @param errorType      the error type, or {@code null}
 * @param platformStatus a {@code platform.report} record's status ({@code timeout}, {@code error}), or {@code null}
 */
record JsonLogLine(String summary, String level, String errorType, String platformStatus) {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Parses {@code message} when it is a JSON object, else returns {@code null}. */
    static JsonLogLine parse(String message) {
        String trimmed = message.strip();
        if (trimmed.length() < 2 || trimmed.charAt(0) != '{' || trimmed.charAt(trimmed.length() - 1) != '}') {
            return null;
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(trimmed);
        } catch (JacksonException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        JsonNode record = root.path("record");
        JsonNode message2 = root.path("message");
        String level = firstText(root, "level", "log_level", "levelname", "severity");
        String errorType = firstText(root, "errorType");
        String errorMessage = firstText(root, "errorMessage");
        if (errorType == null && message2.isObject()) {
            errorType = firstText(message2, "errorType");
            errorMessage = firstText(message2, "errorMessage");
        }
        String type = firstText(root, "type");
        String status = null;
        if (type != null && type.equals("platform.report") && record.isObject()) {
            status = firstText(record, "status");
            if (errorType == null) {
                errorType = firstText(record, "errorType");
            }
            if ("success".equalsIgnoreCase(status)) {
                status = null;
            }
        }
        String text = message2.isString() ? message2.stringValue() : null;
        StringBuilder summary = new StringBuilder();
        if (status != null) {
            summary.append(type).append(" status=").append(status);
        }
        if (errorType != null) {
            summary.append(summary.isEmpty() ? "" : " ").append(errorType);
            if (errorMessage != null) {
                summary.append(": ").append(errorMessage);
            }
        } else if (text != null) {
            summary.append(level != null ? level + " " : "").append(text);
        }
        if (summary.isEmpty()) {
            summary.append(trimmed);
        }
        return new JsonLogLine(summary.toString(), level == null ? null : level.toUpperCase(Locale.ROOT), errorType,
                status == null ? null : status.toLowerCase(Locale.ROOT));
    }

    boolean errorLevel() {
        return "ERROR".equals(level) || "FATAL".equals(level) || "CRITICAL".equals(level);
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode v = node.get(name);
            if (v != null && v.isString() && !v.stringValue().isBlank()) {
                return v.stringValue();
            }
        }
        return null;
    }
}
