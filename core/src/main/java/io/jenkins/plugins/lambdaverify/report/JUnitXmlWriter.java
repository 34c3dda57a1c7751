package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.LogScanStatus;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link RunReport} as Ant/Jenkins JUnit XML, the format the Jenkins junit plugin (and most CI servers)
 * read: {@code <testsuites>} with one {@code <testsuite>} per phase and one {@code <testcase>} per check
 * ({@code classname="lambda-verify.<phase-slug>"}, {@code name} the check's name). A failed check carries a
 * {@code <failure type="AssertionError">} listing the unmet expectations, an errored one an {@code <error>}, a
 * skipped one a {@code <skipped>}; each has a {@code <system-out>} with request, status, latency, cold start,
 * request id, version, response excerpt and log lines.
 *
 * <p>Extra suites: {@code log-scan} (one testcase per finding signature, failing over its threshold, or one passing
 * "no errors in logs" case, or one {@value #LOG_SCAN_FAILED_CASE} case when the scan could not read the logs, its
 * message the reason: errored, of type {@value #LOG_SCAN_ERROR_TYPE}, when the scan is required, else skipped),
 * {@code run} (when the function could not be reached or the run was cut short),
 * {@code rollback}, and {@code reverify/<phase>} (and {@code reverify/log-scan}) for the re-verification.
 *
 * <p>All text is masked with the {@link SecretMasker} and cleaned of characters XML 1.0 forbids.
 */
public final class JUnitXmlWriter {

    /** Prefix of every testcase classname; Jenkins shows it as the package. */
    public static final String CLASSNAME_PREFIX = "lambda-verify.";
    /** Type of the {@code <failure>} of a check whose expectation was not met. */
    public static final String FAILURE_TYPE = "AssertionError";
    /** Type of the {@code <error>} of a check that got no answer to evaluate. */
    public static final String ERROR_TYPE = "InvocationError";
    /** Type of the {@code <error>} of a log scan that could not read the logs. */
    public static final String LOG_SCAN_ERROR_TYPE = "LogScanError";
    /** Name of the testcase of a log scan that could not read the logs. */
    public static final String LOG_SCAN_FAILED_CASE = "read the logs";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int MAX_NAME = 400;

    private final SecretMasker masker;

    public JUnitXmlWriter() {
        this(SecretMasker.defaults());
    }

    public JUnitXmlWriter(SecretMasker masker) {
        this.masker = masker;
    }

    /** The report as a JUnit XML document. */
    public String toXml(RunReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen writing to memory", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the report as UTF-8 JUnit XML. The stream is not closed. */
    public void write(RunReport report, OutputStream out) throws IOException {
        List<Suite> suites = suites(report);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "lambda-verify");
            writeCounts(xml, suites.stream().flatMap(s -> s.cases.stream()).toList());
            xml.writeAttribute("time", ReportText.seconds(report.verification().duration()));
            for (Suite suite : suites) {
                writeSuite(xml, suite);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("could not write JUnit XML: " + e.getMessage(), e);
        }
    }

    // ---- model: what goes into the document, already masked and clean ----

    private enum Kind { PASSED, FAILURE, ERROR, SKIPPED }

    private record Case(String name, String classname, String time, Kind kind, String message, String type,
                        String detail, String systemOut) {
    }

    private record Suite(String name, Instant timestamp, String time, Map<String, String> properties,
                         List<Case> cases) {
    }

    private List<Suite> suites(RunReport report) {
        List<Suite> suites = new ArrayList<>();
        Map<String, String> properties = properties(report);
        addVerification(suites, report.verification(), "", properties);
        if (report.rollback() != null) {
            suites.add(rollbackSuite(report.rollback(), report.verification().finishedAt()));
        }
        if (report.reverification() != null) {
            addVerification(suites, report.reverification(), "reverify/", properties);
        }
        return suites;
    }

    private void addVerification(List<Suite> suites, VerificationResult v, String prefix,
                                 Map<String, String> properties) {
        String classPrefix = CLASSNAME_PREFIX + (prefix.isEmpty() ? "" : "reverify.");
        String problem = ReportText.runProblem(v);
        if (problem != null) {
            Case run = new Case(clean(v.infrastructureError() != null ? "reach the function" : "run to completion"),
                    classPrefix + "run", ReportText.seconds(v.duration()), Kind.ERROR, cleanOneLine(problem),
                    v.infrastructureError() != null ? "InfrastructureError" : "RunIncomplete", clean(problem),
                    clean("termination: " + v.termination()));
            suites.add(new Suite(prefix + "run", v.startedAt(), ReportText.seconds(v.duration()), properties,
                    List.of(run)));
        }
        for (PhaseResult phase : v.phases()) {
            String classname = classPrefix + ReportText.slug(phase.name());
            List<Case> cases = phase.checks().stream().map(c -> checkCase(c, classname)).toList();
            suites.add(new Suite(prefix + phase.name(), v.startedAt(), ReportText.seconds(phase.duration()),
                    properties, cases));
        }
        if (LogScanView.scanFailed(v)) {
            suites.add(logScanFailureSuite(v, prefix, classPrefix + "log-scan"));
        } else if (LogScanView.scanRan(v)) {
            suites.add(logScanSuite(v, prefix, classPrefix + "log-scan"));
        }
    }

    /**
     * A scan that could not read the logs: one case, so the test page says "could not read" where a clean scan would
     * have said "no errors in logs". Its kind follows the verdict: an error when the scan is required (the run failed
     * on it; an error, not a failure: nothing in the function was found wrong), else skipped with the reason, so the
     * JUnit counts of a passing verification (Jenkins' test trend, GitHub checks) do not contradict it.
     */
    private Suite logScanFailureSuite(VerificationResult v, String prefix, String classname) {
        LogScanStatus s = v.logScan();
        StringBuilder detail = new StringBuilder("reason: ").append(mask(s.reason() == null ? "no reason recorded"
                : s.reason())).append('\n');
        if (s.action() != null) {
            detail.append("action: ").append(s.action()).append('\n');
        }
        detail.append("required: ").append(s.required() ? "yes" : "no").append(" (")
                .append(ReportText.logScanConsequence(v)).append(")\n");
        String body = XmlChars.clean(detail.toString());
        String message = cleanOneLine(ReportText.logScanProblem(v));
        Case c = s.required()
                ? new Case(LOG_SCAN_FAILED_CASE, classname, "0.000", Kind.ERROR, message, LOG_SCAN_ERROR_TYPE, body,
                        body)
                : new Case(LOG_SCAN_FAILED_CASE, classname, "0.000", Kind.SKIPPED, message, null, null, body);
        return new Suite(prefix + "log-scan", v.finishedAt(), "0.000", Map.of(), List.of(c));
    }

    private Case checkCase(CheckResult c, String classname) {
        String name = name(c.name());
        String time = ReportText.seconds(c.latency());
        String out = XmlChars.clean(systemOut(c));
        return switch (c.outcome()) {
            case PASSED -> new Case(name, classname, time, Kind.PASSED, null, null, null, out);
            case FAILED -> {
                List<String> failures = c.failures().isEmpty() ? List.of("expectation not met") : c.failures();
                String message = cleanOneLine(String.join("; ", failures));
                yield new Case(name, classname, time, Kind.FAILURE, message, FAILURE_TYPE,
                        XmlChars.clean(String.join("\n", masker.maskLines(failures))), out);
            }
            case ERROR -> {
                String message = cleanOneLine(c.errorMessage() == null ? "no answer" : c.errorMessage());
                yield new Case(name, classname, time, Kind.ERROR, message, ERROR_TYPE, clean(c.errorMessage()), out);
            }
            case SKIPPED -> new Case(name, classname, time, Kind.SKIPPED,
                    cleanOneLine(c.errorMessage() == null ? "not run" : c.errorMessage()), null, null, out);
        };
    }

    // Each piece is masked on its own: a truncated secret in the excerpt must not swallow the lines after it.
    private String systemOut(CheckResult c) {
        StringBuilder sb = new StringBuilder();
        line(sb, "request", mask((c.method() == null ? "" : c.method() + " ") + (c.path() == null ? "" : c.path())));
        line(sb, "expected", mask(c.expectation()));
        line(sb, "outcome", c.outcome().name().toLowerCase(java.util.Locale.ROOT));
        line(sb, "status", c.statusCode() == null ? null : String.valueOf(c.statusCode()));
        line(sb, "latency", c.outcome() == Outcome.SKIPPED ? null : ReportText.duration(c.latency()));
        line(sb, "cold start", c.coldStart() ? String.format(java.util.Locale.ROOT, "yes (init %.1f ms)",
                c.initDurationMs()) : null);
        line(sb, "request id", mask(c.requestId()));
        line(sb, "version", mask(c.executedVersion()));
        if (c.responseExcerpt() != null && !c.responseExcerpt().isEmpty()) {
            sb.append("response:\n").append(mask(c.responseExcerpt())).append('\n');
        }
        if (!c.logLines().isEmpty()) {
            sb.append("log lines:\n");
            masker.maskLines(c.logLines()).forEach(l -> sb.append(l).append('\n'));
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value != null && !value.isBlank()) {
            sb.append(label).append(": ").append(value).append('\n');
        }
    }

    private Suite logScanSuite(VerificationResult v, String prefix, String classname) {
        List<Case> cases = new ArrayList<>();
        List<LogFinding> matches = LogScanView.matches(v);
        if (matches.isEmpty()) {
            cases.add(new Case("no errors in logs", classname, "0.000", Kind.PASSED, null, null, null,
                    clean("patterns scanned: " + String.join(", ", LogScanView.cleanPatterns(v)) + "\n")));
        }
        for (LogFinding f : matches) {
            String name = name(f.pattern() + ": " + ReportText.oneLine(f.signature()));
            String seen = mask(f.pattern()) + " seen " + f.count() + (f.count() == 1 ? " time" : " times")
                    + " (allowed " + f.threshold() + ")";
            StringBuilder detail = new StringBuilder(seen).append('\n');
            if (f.stream() != null) {
                detail.append("log stream: ").append(mask(f.stream())).append('\n');
            }
            if (f.firstSeen() != null) {
                detail.append("first seen: ").append(f.firstSeen()).append('\n');
            }
            if (f.lastSeen() != null) {
                detail.append("last seen: ").append(f.lastSeen()).append('\n');
            }
            if (!f.samples().isEmpty()) {
                detail.append("samples:\n");
                masker.maskLines(f.samples()).forEach(s -> detail.append(s).append('\n'));
            }
            String body = XmlChars.clean(detail.toString());
            cases.add(f.failing()
                    ? new Case(name, classname, "0.000", Kind.FAILURE, cleanOneLine(seen), "LogFinding", body, body)
                    : new Case(name, classname, "0.000", Kind.PASSED, null, null, null, body));
        }
        return new Suite(prefix + "log-scan", v.finishedAt(), "0.000", Map.of(), cases);
    }

    private Suite rollbackSuite(RollbackOutcome r, Instant at) {
        String name = name("rollback (" + r.strategy() + ")"
                + (r.fromVersion() != null || r.toVersion() != null
                ? " " + nullToDash(r.fromVersion()) + " -> " + nullToDash(r.toVersion()) : ""));
        String classname = CLASSNAME_PREFIX + "rollback";
        StringBuilder out = new StringBuilder("status: ").append(r.status()).append('\n');
        if (r.reason() != null) {
            out.append("reason: ").append(mask(r.reason())).append('\n');
        }
        if (!r.output().isEmpty()) {
            out.append("output:\n");
            masker.maskLines(r.output()).forEach(l -> out.append(l).append('\n'));
        }
        String body = XmlChars.clean(out.toString());
        String reason = cleanOneLine(r.reason() == null ? String.valueOf(r.status()) : r.reason());
        Case c = switch (r.status()) {
            case DONE -> new Case(name, classname, "0.000", Kind.PASSED, null, null, null, body);
            case DRY_RUN -> new Case(name, classname, "0.000", Kind.SKIPPED, "dry run: " + reason, null, null, body);
            case REFUSED -> new Case(name, classname, "0.000", Kind.FAILURE, "refused: " + reason, "RollbackRefused",
                    body, body);
            case FAILED -> new Case(name, classname, "0.000", Kind.ERROR, "failed: " + reason, "RollbackFailed",
                    body, body);
        };
        return new Suite("rollback", at, "0.000", Map.of(), List.of(c));
    }

    private Map<String, String> properties(RunReport report) {
        Map<String, String> p = new LinkedHashMap<>();
        TargetInfo t = report.target();
        VerificationResult v = report.verification();
        put(p, "lambda-verify.target", t != null && t.description() != null ? t.description() : v.target());
        if (t != null) {
            put(p, "lambda-verify.function", t.functionName());
            put(p, "lambda-verify.qualifier", t.qualifier());
            put(p, "lambda-verify.version", t.version());
            put(p, "lambda-verify.region", t.region());
            put(p, "lambda-verify.runtime", t.runtime());
        }
        put(p, "lambda-verify.termination", v.termination() == null ? null : v.termination().name());
        return p;
    }

    private void put(Map<String, String> p, String key, String value) {
        if (value != null) {
            p.put(key, cleanOneLine(value));
        }
    }

    // ---- writing ----

    private static void writeSuite(XMLStreamWriter xml, Suite suite) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", suite.name.isBlank() ? "phase" : XmlChars.cleanOneLine(suite.name));
        writeCounts(xml, suite.cases);
        xml.writeAttribute("time", suite.time);
        xml.writeAttribute("timestamp", suite.timestamp == null ? TIMESTAMP.format(Instant.EPOCH)
                : TIMESTAMP.format(suite.timestamp.truncatedTo(ChronoUnit.SECONDS)));
        if (!suite.properties.isEmpty()) {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("properties");
            for (Map.Entry<String, String> e : suite.properties.entrySet()) {
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("property");
                xml.writeAttribute("name", e.getKey());
                xml.writeAttribute("value", e.getValue());
            }
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
        }
        for (Case c : suite.cases) {
            writeCase(xml, c);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeCase(XMLStreamWriter xml, Case c) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", c.name);
        xml.writeAttribute("classname", c.classname);
        xml.writeAttribute("time", c.time);
        switch (c.kind) {
            case FAILURE -> detail(xml, "failure", c);
            case ERROR -> detail(xml, "error", c);
            case SKIPPED -> {
                xml.writeCharacters("\n      ");
                xml.writeEmptyElement("skipped");
                xml.writeAttribute("message", c.message);
            }
            case PASSED -> {
            }
        }
        if (c.systemOut != null && !c.systemOut.isEmpty()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("system-out");
            xml.writeCharacters(c.systemOut);
            xml.writeEndElement();
        }
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void detail(XMLStreamWriter xml, String element, Case c) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement(element);
        xml.writeAttribute("message", c.message);
        xml.writeAttribute("type", c.type);
        if (c.detail != null && !c.detail.isEmpty()) {
            xml.writeCharacters(c.detail);
        }
        xml.writeEndElement();
    }

    private static void writeCounts(XMLStreamWriter xml, List<Case> cases) throws XMLStreamException {
        xml.writeAttribute("tests", String.valueOf(cases.size()));
        xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> c.kind == Kind.FAILURE).count()));
        xml.writeAttribute("errors", String.valueOf(cases.stream().filter(c -> c.kind == Kind.ERROR).count()));
        xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> c.kind == Kind.SKIPPED).count()));
    }

    private String name(String raw) {
        String n = cleanOneLine(raw);
        return ReportText.truncate(n.isEmpty() ? "(unnamed)" : n, MAX_NAME, "...");
    }

    private String mask(String text) {
        return masker.maskText(text);
    }

    private String clean(String text) {
        return XmlChars.clean(masker.maskText(text));
    }

    private String cleanOneLine(String text) {
        return XmlChars.cleanOneLine(masker.maskText(text));
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
