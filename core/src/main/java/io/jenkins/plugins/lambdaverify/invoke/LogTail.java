package io.jenkins.plugins.lambdaverify.invoke;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the last 4 KB of an invocation's log ({@code X-Amz-Log-Result}) say about it: the request id and the
 * REPORT line's numbers. Understands the text log format ({@code REPORT RequestId: ... Duration: 2.43 ms ...
 * Init Duration: 142.48 ms}) and the JSON one ({@code {"type":"platform.report","record":{...}}}).
 * An {@code Init Duration} means the invocation was a cold start. Fields not found are {@code null}.
 *
 * @param text             the decoded log text, or {@code null}
 * @param requestId        from the REPORT line, else START/END, else {@code null}
 * @param durationMs       {@code Duration}
 * @param billedDurationMs {@code Billed Duration}
 * @param memorySizeMb     {@code Memory Size}
 * @param maxMemoryUsedMb  {@code Max Memory Used}
 * @param initDurationMs   {@code Init Duration} (cold start only)
 */
public record LogTail(String text, String requestId, Double durationMs, Double billedDurationMs,
                      Integer memorySizeMb, Integer maxMemoryUsedMb, Double initDurationMs) {

    private static final Pattern PLATFORM_ID = Pattern.compile("^(?:START|END|REPORT) RequestId: ([^\\s]+)");
    private static final Pattern DURATION = Pattern.compile("(?<!Billed )(?<!Init )(?<!Restore )Duration: ([\\d.]+) ms");
    private static final Pattern BILLED = Pattern.compile("Billed Duration: ([\\d.]+) ms");
    private static final Pattern MEMORY_SIZE = Pattern.compile("Memory Size: (\\d+) MB");
    private static final Pattern MAX_MEMORY = Pattern.compile("Max Memory Used: (\\d+) MB");
    private static final Pattern INIT = Pattern.compile("Init Duration: ([\\d.]+) ms");

    public static LogTail empty() {
        return new LogTail(null, null, null, null, null, null, null);
    }

    public boolean coldStart() {
        return initDurationMs != null;
    }

    /** The text of a base64 {@code X-Amz-Log-Result}; {@code null} for none, the raw value when it is not base64. */
    public static String decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }

    /** Reads a decoded log tail (or a local run's captured log); the last REPORT line wins. */
    public static LogTail parse(String text) {
        if (text == null || text.isEmpty()) {
            return empty();
        }
        String requestId = null;
        String report = null;
        JsonNode jsonReport = null;
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.startsWith("{")) {
                JsonNode node = json(l);
                if (node != null && node.path("type").asString("").startsWith("platform.")) {
                    String id = node.path("record").path("requestId").asString(null);
                    if (id != null) {
                        requestId = id;
                    }
                    if ("platform.report".equals(node.path("type").asString(""))) {
                        jsonReport = node.path("record");
                        report = null;
                    }
                }
                continue;
            }
            Matcher m = PLATFORM_ID.matcher(l);
            if (m.find()) {
                requestId = m.group(1);
                if (l.startsWith("REPORT")) {
                    report = l;
                    jsonReport = null;
                }
            }
        }
        if (report != null) {
            return new LogTail(text, requestId, number(DURATION, report), number(BILLED, report),
                    integer(MEMORY_SIZE, report), integer(MAX_MEMORY, report), number(INIT, report));
        }
        if (jsonReport != null) {
            JsonNode metrics = jsonReport.path("metrics");
            return new LogTail(text, requestId, dbl(metrics, "durationMs"), dbl(metrics, "billedDurationMs"),
                    integer(metrics, "memorySizeMB"), integer(metrics, "maxMemoryUsedMB"),
                    dbl(metrics, "initDurationMs"));
        }
        return new LogTail(text, requestId, null, null, null, null, null);
    }

    private static JsonNode json(String line) {
        try {
            return JsonMapper.shared().readTree(line);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static Double number(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    private static Integer integer(Pattern p, String line) {
        Matcher m = p.matcher(line);
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static Double dbl(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).doubleValue() : null;
    }

    private static Integer integer(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).intValue() : null;
    }
}
