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
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link RunReport} as JSON in the versioned format {@value #SCHEMA} ({@code docs/report-schema.json},
 * {@code docs/report-format.md}). Free text is masked with the {@link SecretMasker}. {@link JsonReportReader} reads
 * it back.
 */
public final class JsonReportWriter {

    /** The value of the {@code schema} field: bumped only when a reader of the old format would misread the new. */
    public static final String SCHEMA = "lambda-verify/report/v1";

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final SecretMasker masker;

    public JsonReportWriter() {
        this(SecretMasker.defaults());
    }

    public JsonReportWriter(SecretMasker masker) {
        this.masker = masker;
    }

    /** The report as pretty-printed JSON. */
    public String toJson(RunReport report) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toTree(report)) + "\n";
    }

    /** Writes the report as UTF-8 JSON. The stream is not closed. */
    public void write(RunReport report, OutputStream out) throws IOException {
        try {
            out.write(toJson(report).getBytes(StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            throw new IOException("could not write the JSON report: " + e.getOriginalMessage(), e);
        }
    }

    /** The report as a JSON tree (for front ends that embed it). */
    public ObjectNode toTree(RunReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("passed", report.passed());
        root.put("rolledBack", report.rolledBack());
        if (report.target() == null) {
            root.putNull("target");
        } else {
            target(root.putObject("target"), report.target());
        }
        verification(root.putObject("verification"), report.verification());
        if (report.rollback() == null) {
            root.putNull("rollback");
        } else {
            rollback(root.putObject("rollback"), report.rollback());
        }
        if (report.reverification() == null) {
            root.putNull("reverification");
        } else {
            verification(root.putObject("reverification"), report.reverification());
        }
        if (report.rollbackPoint() == null) {
            root.putNull("rollbackPoint");
        } else {
            rollbackPoint(root.putObject("rollbackPoint"), report.rollbackPoint());
        }
        return root;
    }

    private void target(ObjectNode node, TargetInfo target) {
        node.put("description", text(target.description()));
        node.put("functionName", target.functionName());
        node.put("functionArn", target.functionArn());
        node.put("qualifier", target.qualifier());
        node.put("version", target.version());
        node.put("revisionId", target.revisionId());
        node.put("region", target.region());
        node.put("runtime", target.runtime());
        node.put("timeoutSeconds", target.timeoutSeconds());
        node.put("logGroup", target.logGroup());
    }

    private void verification(ObjectNode node, VerificationResult v) {
        node.put("target", text(v.target()));
        node.put("startedAt", instant(v.startedAt()));
        node.put("finishedAt", instant(v.finishedAt()));
        node.put("durationMs", v.startedAt() == null || v.finishedAt() == null ? null : millis(v.duration()));
        node.put("termination", v.termination() == null ? null : lower(v.termination().name()));
        node.put("infrastructureError", text(v.infrastructureError()));
        node.put("passed", v.passed());
        ObjectNode summary = node.putObject("summary");
        summary.put("total", v.total());
        counts(summary, v.count(Outcome.PASSED), v.count(Outcome.FAILED), v.count(Outcome.ERROR),
                v.count(Outcome.SKIPPED));
        summary.put("failingFindings", v.failingFindings());
        ArrayNode phases = node.putArray("phases");
        v.phases().forEach(p -> phase(phases.addObject(), p));
        ArrayNode findings = node.putArray("findings");
        v.findings().forEach(f -> finding(findings.addObject(), f));
        logScan(node.putObject("logScan"), v.logScan());
    }

    private void logScan(ObjectNode node, LogScanStatus s) {
        node.put("status", lower(s.state().name()));
        node.put("reason", text(s.reason()));
        node.put("action", s.action());
        node.put("required", s.required());
    }

    private static void counts(ObjectNode summary, long passed, long failed, long error, long skipped) {
        summary.put("passed", passed);
        summary.put("failed", failed);
        summary.put("error", error);
        summary.put("skipped", skipped);
    }

    private void phase(ObjectNode node, PhaseResult p) {
        node.put("name", p.name());
        node.put("durationMs", millis(p.duration()));
        node.put("passed", p.passed());
        ObjectNode summary = node.putObject("summary");
        summary.put("total", p.checks().size());
        counts(summary, p.count(Outcome.PASSED), p.count(Outcome.FAILED), p.count(Outcome.ERROR),
                p.count(Outcome.SKIPPED));
        ArrayNode checks = node.putArray("checks");
        p.checks().forEach(c -> check(checks.addObject(), c));
    }

    private void check(ObjectNode node, CheckResult c) {
        node.put("phase", c.phase());
        node.put("name", text(c.name()));
        node.put("method", c.method());
        node.put("path", c.path() == null ? null : masker.maskPath(c.path()));
        node.put("expectation", text(c.expectation()));
        node.put("outcome", c.outcome() == null ? null : lower(c.outcome().name()));
        lines(node.putArray("failures"), c.failures());
        node.put("errorMessage", text(c.errorMessage()));
        node.put("statusCode", c.statusCode());
        node.put("responseExcerpt", text(c.responseExcerpt()));
        node.put("latencyMs", millis(c.latency()));
        node.put("initDurationMs", c.initDurationMs());
        node.put("coldStart", c.coldStart());
        node.put("requestId", text(c.requestId()));
        node.put("executedVersion", c.executedVersion());
        lines(node.putArray("logLines"), c.logLines());
    }

    private void finding(ObjectNode node, LogFinding f) {
        node.put("pattern", text(f.pattern()));
        node.put("signature", text(f.signature()));
        node.put("count", f.count());
        node.put("threshold", f.threshold());
        node.put("failing", f.failing());
        node.put("firstSeen", instant(f.firstSeen()));
        node.put("lastSeen", instant(f.lastSeen()));
        node.put("stream", text(f.stream()));
        lines(node.putArray("samples"), f.samples());
    }

    private void rollback(ObjectNode node, RollbackOutcome r) {
        node.put("strategy", r.strategy());
        node.put("status", r.status() == null ? null : lower(r.status().name()));
        node.put("reason", text(r.reason()));
        node.put("fromVersion", text(r.fromVersion()));
        node.put("toVersion", text(r.toVersion()));
        lines(node.putArray("output"), r.output());
    }

    private void rollbackPoint(ObjectNode node, RollbackPoint p) {
        node.put("recorded", p.recorded());
        node.put("problem", text(p.problem()));
        node.put("stackName", p.stackName());
        node.put("stackId", p.stackId());
        node.put("region", p.region());
        node.put("stackStatus", p.stackStatus());
        node.put("lastUpdatedTime", instant(p.lastUpdatedTime()));
        node.put("templateFile", p.templateFile());
        node.put("templateSha256", p.templateSha256());
        ArrayNode capabilities = node.putArray("capabilities");
        p.capabilities().forEach(capabilities::add);
        ArrayNode parameters = node.putArray("parameters");
        for (RollbackPoint.Parameter parameter : p.parameters()) {
            ObjectNode item = parameters.addObject();
            item.put("key", parameter.key());
            // A value the masker would change is not written, and a rollback must never deploy "****": it becomes
            // unknown, and the rollback keeps the stack's value for it.
            boolean secret = parameter.value() != null && !parameter.value().equals(masker.maskText(parameter.value()));
            item.put("value", secret ? null : parameter.value());
            item.put("usePreviousValue", parameter.usePreviousValue() || secret);
        }
    }

    private void lines(ArrayNode array, List<String> lines) {
        masker.maskLines(lines).forEach(array::add);
    }

    private String text(String s) {
        return masker.maskText(s);
    }

    private static String instant(Instant i) {
        return i == null ? null : i.toString();
    }

    /** Milliseconds, exact to the nanosecond: {@code 87}, {@code 412.5}, {@code 0.000001}. */
    static BigDecimal millis(Duration d) {
        Duration duration = d == null ? Duration.ZERO : d;
        BigDecimal ms = BigDecimal.valueOf(duration.getSeconds()).multiply(BigDecimal.valueOf(1000))
                .add(BigDecimal.valueOf(duration.getNano(), 6));
        ms = ms.stripTrailingZeros();
        return ms.scale() < 0 ? ms.setScale(0) : ms;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
