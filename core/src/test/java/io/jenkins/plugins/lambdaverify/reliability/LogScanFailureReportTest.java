package io.jenkins.plugins.lambdaverify.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.jenkins.plugins.lambdaverify.aws.AwsClientOptions;
import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.reliability.FakeAws.Call;
import io.jenkins.plugins.lambdaverify.report.ConsoleSummary;
import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.report.ReportTargets;
import io.jenkins.plugins.lambdaverify.report.ReportWriter;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.LogScanStatus;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.rollback.LocalProcessRunner;
import io.jenkins.plugins.lambdaverify.run.RunContext;
import io.jenkins.plugins.lambdaverify.run.Verification;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A whole lambda-mode run against WireMock whose checks pass while CloudWatch Logs refuses FilterLogEvents: every
 * report must say the logs could not be read (naming the denied action), never look clean or unscanned.
 */
@Timeout(60)
class LogScanFailureReportTest {
    static final String PRINCIPAL = "arn:aws:sts::123456789012:assumed-role/ci/jenkins";
    static final String DENIED_REASON = "logs:FilterLogEvents denied for " + PRINCIPAL + " on /aws/lambda/"
            + FakeAws.FUNCTION + ": add logs:FilterLogEvents to the role's IAM policy";

    static WireMockServer server;
    static FakeAws aws;

    @TempDir
    Path dir;

    final List<String> progress = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        aws = new FakeAws(server);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        aws.healthy();
    }

    private static void filterLogEventsAnswers(int status, String type, String message) {
        server.stubFor(Call.FILTER_LOG_EVENTS.mapping().atPriority(1).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}")));
    }

    private static void accessDenied() {
        filterLogEventsAnswers(400, "AccessDeniedException", "User: " + PRINCIPAL + " is not authorized to perform: "
                + "logs:FilterLogEvents on resource: arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/"
                + FakeAws.FUNCTION + ":log-stream: because no identity-based policy allows the "
                + "logs:FilterLogEvents action");
    }

    private RunReport run(String logScan) {
        VerifySpec spec = SpecLoader.parse("""
                version: 1
                target:
                  mode: lambda
                  stack: orders-api
                  logicalId: ApiFunction
                  qualifier: live
                execution:
                  deadline: 20s
                checks:
                  - GET /health: 200
                logScan:
                  settle: 1s
                  quietPeriod: 200ms
                %s
                rollback:
                  strategy: alias
                  previousVersion: "6"
                  reverify: false
                """.formatted(logScan), "log-scan-failure.yaml");
        AwsSettings settings = new AwsSettings("eu-west-1", null, "http://127.0.0.1:" + server.port(), null, null,
                null, null, Map.of("AWS_ACCESS_KEY_ID", "AKIDLOGSCAN", "AWS_SECRET_ACCESS_KEY", "log-scan-secret"),
                false, null);
        ProgressListener listener = new ProgressListener() {
            @Override
            public void info(String message) {
                progress.add(message);
            }
        };
        RunContext ctx = new RunContext(settings, listener, new LocalProcessRunner(), null, Clock.systemUTC(),
                List.of());
        return new Verification(ctx, AwsClientOptions.defaults().withRetryStrategy(AwsClientOptions.retries(3,
                Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50)))).run(spec);
    }

    private ReportTargets write(RunReport report) {
        ReportTargets targets = new ReportTargets(dir.resolve("junit.xml"), dir.resolve("report.json"),
                dir.resolve("summary.md"));
        assertThat(new ReportWriter(SecretMasker.defaults()).write(report, targets).errors()).isEmpty();
        return targets;
    }

    @Test
    void deniedFilterLogEventsIsShownInEveryReportAndTheChecksVerdictStands() throws Exception {
        accessDenied();

        RunReport report = run("");

        assertThat(report.passed()).as("progress %s", progress).isTrue();
        assertThat(report.verification().logScan())
                .isEqualTo(LogScanStatus.failed(DENIED_REASON, "logs:FilterLogEvents", false));
        assertThat(report.rollback()).isNull();
        assertThat(progress).contains("warning: log scan could not run: " + DENIED_REASON
                + " (the checks' verdict stands)");

        ReportTargets targets = write(report);

        // JUnit: a skipped (not errored: the run passed) testcase in the log-scan suite, naming the denied action
        Element skipped = logScanCase(targets.junit(), "skipped");
        assertThat(skipped.getAttribute("message")).isEqualTo("log scan could not run: " + DENIED_REASON);
        assertThat(((Element) skipped.getParentNode()).getElementsByTagName("system-out").item(0).getTextContent())
                .contains("action: logs:FilterLogEvents")
                .contains("required: no (the checks' verdict stands; the logs went unread)");
        assertThat(Files.readString(targets.junit())).doesNotContain("<error");
        assertThat(Files.readString(targets.junit())).doesNotContain("no errors in logs");

        // JSON: the status field, read back into an equal report
        JsonNode scan = JsonMapper.builder().build().readTree(targets.json().toFile()).path("verification")
                .path("logScan");
        assertThat(scan.path("status").stringValue()).isEqualTo("failed");
        assertThat(scan.path("action").stringValue()).isEqualTo("logs:FilterLogEvents");
        assertThat(scan.path("reason").stringValue()).isEqualTo(DENIED_REASON);
        assertThat(scan.path("required").booleanValue()).isFalse();
        assertThat(new JsonReportReader().read(targets.json())).isEqualTo(report);

        // Markdown and console: one line each
        assertThat(Files.readString(targets.markdown())).contains("⚠️ log scan could not run: logs:FilterLogEvents "
                + "denied for arn:aws:sts::123456789012:assumed-role/ci/jenkins on /aws/lambda/" + FakeAws.FUNCTION
                + ": add logs:FilterLogEvents to the role's IAM policy (the checks' verdict stands; the logs went "
                + "unread)");
        List<String> console = new ConsoleSummary(SecretMasker.defaults(), true, 60).lines(report);
        assertThat(console).contains("ERR log scan could not run: " + DENIED_REASON
                + " (the checks' verdict stands; the logs went unread)");
        assertThat(console.getLast()).startsWith("PASSED: 1 passed of 1 check in ").endsWith("; logs not scanned");
    }

    @Test
    void aRequiredScanThatIsDeniedFailsTheRunWithoutARollback() throws Exception {
        accessDenied();

        RunReport report = run("  required: true");

        assertThat(report.passed()).isFalse();
        assertThat(report.verification().deploymentPassed()).isTrue();
        assertThat(report.verification().logScan())
                .isEqualTo(LogScanStatus.failed(DENIED_REASON, "logs:FilterLogEvents", true));
        // an unreadable log shows nothing broken: the alias stays where it is
        assertThat(report.rollback()).isNull();
        assertThat(aws.count(Call.UPDATE_ALIAS, e -> true)).isZero();

        ReportTargets targets = write(report);
        Element error = logScanCase(targets.junit(), "error");
        assertThat(error.getAttribute("type")).isEqualTo("LogScanError");
        assertThat(error.getTextContent())
                .contains("required: yes (the run fails: logScan.required is set)");
        JsonNode root = JsonMapper.builder().build().readTree(targets.json().toFile());
        assertThat(root.path("passed").booleanValue()).isFalse();
        assertThat(root.path("verification").path("logScan").path("required").booleanValue()).isTrue();
        assertThat(new JsonReportReader().read(targets.json())).isEqualTo(report);
        assertThat(Files.readString(targets.markdown())).contains("## ❌ lambda-verify: failed")
                .contains("the required log scan could not run")
                .contains("❌ log scan could not run (logScan.required): logs:FilterLogEvents denied");
        List<String> console = new ConsoleSummary(SecretMasker.defaults(), true, 60).lines(report);
        assertThat(console.getLast()).startsWith("FAILED: ").endsWith("; the required log scan could not run");
    }

    @Test
    void aMissingLogGroupIsAFailedScanNotACleanOne() throws Exception {
        filterLogEventsAnswers(400, "ResourceNotFoundException", "The specified log group does not exist.");

        RunReport report = run("");

        assertThat(report.passed()).isTrue();
        LogScanStatus scan = report.verification().logScan();
        assertThat(scan.state()).isEqualTo(LogScanStatus.State.FAILED);
        assertThat(scan.reason()).startsWith("log group /aws/lambda/" + FakeAws.FUNCTION + " does not exist");
        assertThat(report.verification().findings()).isEmpty();
        ReportTargets targets = write(report);
        assertThat(logScanCase(targets.junit(), "skipped").getAttribute("message"))
                .startsWith("log scan could not run: log group /aws/lambda/" + FakeAws.FUNCTION + " does not exist");
    }

    @Test
    void aCleanScanIsRecordedAsClean() throws Exception {
        RunReport report = run("");

        assertThat(report.verification().logScan()).isEqualTo(LogScanStatus.ran(report.verification().findings(),
                false));
        assertThat(report.verification().logScan().state()).isEqualTo(LogScanStatus.State.CLEAN);
        ReportTargets targets = write(report);
        assertThat(Files.readString(targets.junit())).contains("no errors in logs").doesNotContain("LogScanError");
        assertThat(new ConsoleSummary(SecretMasker.defaults(), true, 60).lines(report).getLast())
                .doesNotContain("logs not scanned");
    }

    /** The {@code <error>} or {@code <skipped>} ({@code kind}) of the {@code log-scan} suite's one case. */
    private static Element logScanCase(Path junit, String kind) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        NodeList suites = doc.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            if (suite.getAttribute("name").equals("log-scan")) {
                assertThat(suite.getAttribute(kind.equals("error") ? "errors" : "skipped")).isEqualTo("1");
                Element testcase = (Element) suite.getElementsByTagName("testcase").item(0);
                assertThat(testcase.getAttribute("name")).isEqualTo("read the logs");
                assertThat(testcase.getAttribute("classname")).isEqualTo("lambda-verify.log-scan");
                assertThat(testcase.getElementsByTagName(kind).getLength()).isEqualTo(1);
                return (Element) testcase.getElementsByTagName(kind).item(0);
            }
        }
        throw new AssertionError("no log-scan suite in " + Files.readString(junit));
    }
}
