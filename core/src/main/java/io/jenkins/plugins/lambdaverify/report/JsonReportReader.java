package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.LogScanStatus;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON report written by {@link JsonReportWriter} back into a {@link RunReport}: the rollback reads the last
 * successful run's report, Jenkins reads the report the agent wrote. Derived fields ({@code passed},
 * {@code summary}, {@code coldStart}, ...) are ignored, unknown fields too. Problems are one-line
 * {@link ReportFormatException}s naming the field, e.g. {@code verification.phases[0].checks[2].outcome}.
 */
public final class JsonReportReader {

    private static final Pattern SCHEMA_VERSION = Pattern.compile("lambda-verify/report/v(\\d+)");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Reads a report file; a missing or unreadable file is an {@link IOException}, a bad one a format error. */
    public RunReport read(Path file) throws IOException {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no report at this path");
        }
        try {
            return fromJson(json);
        } catch (ReportFormatException e) {
            throw new ReportFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a report from a UTF-8 stream (not closed). */
    public RunReport read(InputStream in) throws IOException {
        return fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Reads a report from JSON text. */
    public RunReport fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new ReportFormatException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ReportFormatException("not a lambda-verify report: expected a JSON object");
        }
        checkSchema(root.path("schema"));
        Node r = new Node(root, "");
        return new RunReport(target(r.object("target", false)), verification(r.object("verification", true)),
                rollback(r.object("rollback", false)), verification(r.object("reverification", false)),
                rollbackPoint(r.object("rollbackPoint", false)));
    }

    private static void checkSchema(JsonNode schema) {
        if (!schema.isString()) {
            throw new ReportFormatException("not a lambda-verify report: no \"schema\" field (expected \""
                    + JsonReportWriter.SCHEMA + "\")");
        }
        String value = schema.stringValue();
        if (value.equals(JsonReportWriter.SCHEMA)) {
            return;
        }
        Matcher m = SCHEMA_VERSION.matcher(value);
        if (m.matches()) {
            throw new ReportFormatException("report schema \"" + value + "\" is newer than this lambda-verify reads (\""
                    + JsonReportWriter.SCHEMA + "\"): upgrade lambda-verify to read it");
        }
        throw new ReportFormatException("not a lambda-verify report: schema is \"" + value + "\", expected \""
                + JsonReportWriter.SCHEMA + "\"");
    }

    private static TargetInfo target(Node t) {
        if (t == null) {
            return null;
        }
        return new TargetInfo(t.string("description"), t.string("functionName"), t.string("functionArn"),
                t.string("qualifier"), t.string("version"), t.string("revisionId"), t.string("region"),
                t.string("runtime"), t.integer("timeoutSeconds"), t.string("logGroup"));
    }

    private static VerificationResult verification(Node v) {
        if (v == null) {
            return null;
        }
        return new VerificationResult(v.string("target"), v.instant("startedAt", true), v.instant("finishedAt", true),
                v.list("phases", JsonReportReader::phase), v.list("findings", JsonReportReader::finding),
                v.enumValue("termination", Termination.class, true), v.string("infrastructureError"),
                logScan(v.object("logScan", false)));
    }

    /** {@code null} for reports written before the field existed: the status is then derived from the findings. */
    private static LogScanStatus logScan(Node s) {
        if (s == null) {
            return null;
        }
        return new LogScanStatus(s.enumValue("status", LogScanStatus.State.class, true), s.string("reason"),
                s.string("action"), s.bool("required"));
    }

    private static PhaseResult phase(Node p) {
        return new PhaseResult(p.requiredString("name"), p.list("checks", JsonReportReader::check),
                p.duration("durationMs"));
    }

    private static CheckResult check(Node c) {
        BigDecimal init = c.decimal("initDurationMs");
        return new CheckResult(c.string("phase"), c.requiredString("name"), c.string("method"), c.string("path"),
                c.string("expectation"), c.enumValue("outcome", Outcome.class, true), c.strings("failures"),
                c.string("errorMessage"), c.integer("statusCode"), c.string("responseExcerpt"),
                c.duration("latencyMs"), init == null ? null : init.doubleValue(), c.string("requestId"),
                c.string("executedVersion"), c.strings("logLines"));
    }

    private static LogFinding finding(Node f) {
        return new LogFinding(f.requiredString("pattern"), f.string("signature"), f.requiredLong("count"),
                f.requiredLong("threshold"), f.instant("firstSeen", false), f.instant("lastSeen", false),
                f.string("stream"), f.strings("samples"));
    }

    private static RollbackOutcome rollback(Node r) {
        if (r == null) {
            return null;
        }
        return new RollbackOutcome(r.string("strategy"), r.enumValue("status", RollbackOutcome.Status.class, true),
                r.string("reason"), r.string("fromVersion"), r.string("toVersion"), r.strings("output"));
    }

    /** The rollback point; its template stays in its file ({@code templateFile}, beside the report). */
    private static RollbackPoint rollbackPoint(Node p) {
        if (p == null) {
            return null;
        }
        return new RollbackPoint(p.string("stackName"), p.string("stackId"), p.string("region"),
                p.string("stackStatus"), p.instant("lastUpdatedTime", false), p.strings("capabilities"),
                p.list("parameters", JsonReportReader::parameter), p.string("templateFile"),
                p.string("templateSha256"), null, p.string("problem"));
    }

    private static RollbackPoint.Parameter parameter(Node p) {
        Boolean previous = p.optionalBool("usePreviousValue");
        String value = p.string("value");
        return new RollbackPoint.Parameter(p.requiredString("key"), value,
                previous != null ? previous : value == null);
    }

    /** A JSON object with its path, for messages that say where the problem is. */
    private record Node(JsonNode json, String path) {

        private String at(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private ReportFormatException wrong(String field, String expected) {
            JsonNode value = json.get(field);
            String got = value == null ? "nothing" : value.isString() ? "\"" + value.stringValue() + "\""
                    : value.toString();
            return new ReportFormatException(at(field) + ": expected " + expected + ", got "
                    + ReportText.truncate(got, 80, "..."));
        }

        private boolean absent(String field) {
            JsonNode value = json.get(field);
            return value == null || value.isNull();
        }

        Node object(String field, boolean required) {
            if (absent(field)) {
                if (required) {
                    throw wrong(field, "an object");
                }
                return null;
            }
            JsonNode value = json.get(field);
            if (!value.isObject()) {
                throw wrong(field, "an object");
            }
            return new Node(value, at(field));
        }

        String string(String field) {
            if (absent(field)) {
                return null;
            }
            JsonNode value = json.get(field);
            if (!value.isString()) {
                throw wrong(field, "a string");
            }
            return value.stringValue();
        }

        String requiredString(String field) {
            String value = string(field);
            if (value == null) {
                throw wrong(field, "a string");
            }
            return value;
        }

        /** An absent flag is false. */
        boolean bool(String field) {
            Boolean value = optionalBool(field);
            return value != null && value;
        }

        Boolean optionalBool(String field) {
            if (absent(field)) {
                return null;
            }
            JsonNode value = json.get(field);
            if (!value.isBoolean()) {
                throw wrong(field, "true or false");
            }
            return value.booleanValue();
        }

        BigDecimal decimal(String field) {
            if (absent(field)) {
                return null;
            }
            JsonNode value = json.get(field);
            if (!value.isNumber()) {
                throw wrong(field, "a number");
            }
            return value.decimalValue();
        }

        Integer integer(String field) {
            BigDecimal value = decimal(field);
            if (value == null) {
                return null;
            }
            try {
                return value.intValueExact();
            } catch (ArithmeticException e) {
                throw wrong(field, "a whole number");
            }
        }

        long requiredLong(String field) {
            BigDecimal value = decimal(field);
            if (value == null) {
                throw wrong(field, "a number");
            }
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                throw wrong(field, "a whole number");
            }
        }

        Duration duration(String field) {
            BigDecimal ms = decimal(field);
            if (ms == null) {
                return Duration.ZERO;
            }
            if (ms.signum() < 0) {
                throw wrong(field, "milliseconds >= 0");
            }
            BigDecimal nanos = ms.movePointRight(6);
            try {
                return Duration.ofNanos(nanos.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());
            } catch (ArithmeticException e) {
                throw wrong(field, "milliseconds that fit a duration");
            }
        }

        Instant instant(String field, boolean required) {
            String value = string(field);
            if (value == null) {
                if (required) {
                    throw wrong(field, "an ISO-8601 instant");
                }
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw wrong(field, "an ISO-8601 instant such as 2026-11-28T10:15:30Z");
            }
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type, boolean required) {
            String value = string(field);
            if (value == null) {
                if (required) {
                    throw wrong(field, "one of " + names(type));
                }
                return null;
            }
            try {
                return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw wrong(field, "one of " + names(type));
            }
        }

        List<String> strings(String field) {
            if (absent(field)) {
                return List.of();
            }
            JsonNode value = json.get(field);
            if (!value.isArray()) {
                throw wrong(field, "an array of strings");
            }
            List<String> out = new ArrayList<>();
            int i = 0;
            for (JsonNode item : value.values()) {
                if (!item.isString()) {
                    throw new ReportFormatException(at(field) + "[" + i + "]: expected a string, got " + item);
                }
                out.add(item.stringValue());
                i++;
            }
            return out;
        }

        <T> List<T> list(String field, Function<Node, T> read) {
            if (absent(field)) {
                return List.of();
            }
            JsonNode value = json.get(field);
            if (!value.isArray()) {
                throw wrong(field, "an array");
            }
            List<T> out = new ArrayList<>();
            int i = 0;
            for (JsonNode item : value.values()) {
                String itemPath = at(field) + "[" + i + "]";
                if (!item.isObject()) {
                    throw new ReportFormatException(itemPath + ": expected an object, got " + item);
                }
                out.add(read.apply(new Node(item, itemPath)));
                i++;
            }
            return out;
        }

        private static <E extends Enum<E>> String names(Class<E> type) {
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(Locale.ROOT));
            }
            return String.join(", ", names);
        }
    }
}
