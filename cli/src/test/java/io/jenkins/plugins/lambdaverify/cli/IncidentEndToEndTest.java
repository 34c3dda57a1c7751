package io.jenkins.plugins.lambdaverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The incident, end to end: the example's 13 checks through {@code lambda-verify run} and the real SDK clients
 * against WireMock serving the Lambda Invoke API (and CloudWatch Logs), once against a good deployment and once
 * against the broken one whose lazy routes answer 500 with ModuleNotFoundError in the log tail.
 */
@Timeout(60)
@ExtendWith(DummyAwsCredentials.class)
class IncidentEndToEndTest {
    static final List<String> CHECKS = List.of(
            "GET /health -> 200",
            "GET / -> 200",
            "GET /api/v1/notification-webhooks/health -> 200",
            "GET /api/v1/providers -> 401|307",
            "GET /api/v1/licenses -> 401|307",
            "GET /api/v1/documents -> 401|307",
            "GET /api/v1/cme-activities -> 401|307",
            "GET /api/v1/compliance -> 401|307",
            "GET /api/v1/notifications -> 401|307",
            "GET /api/v1/messaging (browser) -> 307",
            "GET /api/v1/reports with an invalid token -> 401",
            "GET /api/v1/does-not-exist -> 404",
            "GET /nope -> 404");
    static final List<String> LAZY = CHECKS.subList(3, 11);

    @TempDir
    Path dir;
    private FakeLambdaApi aws;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeLambdaApi().configuration(FakeLambdaApi.FUNCTION, "$LATEST").cloudWatchLogs();
        config = incidentConfig(dir);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    /** examples/lazy-router-app/lambda-verify.yaml in lambda mode, with a short log settle for the test. */
    static Path incidentConfig(Path dir) throws Exception {
        String yaml = Files.readString(exampleApp().resolve("lambda-verify.yaml"), StandardCharsets.UTF_8);
        assertThat(yaml).contains("  mode: local\n").endsWith("\n");
        yaml = yaml.replace("  mode: local\n", "  mode: lambda\n") + "  settle: 300ms\n  quietPeriod: 1ms\n";
        Path file = dir.resolve("lambda-verify.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    static Path exampleApp() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.isDirectory(d.resolve("examples/lazy-router-app"))) {
            d = d.getParent();
        }
        assertThat(d).as("examples/lazy-router-app above " + Path.of("").toAbsolutePath()).isNotNull();
        return d.resolve("examples/lazy-router-app");
    }

    private Cli.Result run(String... more) {
        return Cli.run(Cli.args(aws.runFlags(config.toString(), dir.resolve("reports").toString()), more));
    }

    @Test
    void goodDeploymentPassesAllThirteenChecks() throws Exception {
        aws.deployed("good", "$LATEST");

        Cli.Result r = run("--ascii");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.PASSED);
        assertThat(aws.invocations()).hasSize(13).allMatch(FakeLambdaApi::invokedByArn);
        for (String check : CHECKS) {
            assertThat(r.outLines()).as(r.toString()).anyMatch(l -> l.startsWith("ok") && l.contains(check));
        }
        assertThat(r.outLines()).noneMatch(l -> l.startsWith("FAIL") || l.startsWith("ERR"));
        assertThat(r.outLines().getLast()).startsWith("PASSED: 13 passed of 13 checks in ");
        assertThat(r.err()).contains("verifying lambda:" + FakeLambdaApi.FUNCTION)
                .contains("scanning logs of /aws/lambda/" + FakeLambdaApi.FUNCTION)
                .contains("report: " + dir.resolve("reports/junit.xml"));

        JsonNode report = JsonMapper.shared().readTree(dir.resolve("reports/report.json").toFile());
        assertThat(report.path("schema").asString()).isEqualTo("lambda-verify/report/v1");
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.path("target").path("functionName").asString()).isEqualTo(FakeLambdaApi.FUNCTION);
        assertThat(report.path("verification").path("summary").path("passed").asInt()).isEqualTo(13);
        assertThat(checks(report).keySet()).containsExactlyElementsOf(CHECKS);
        assertThat(checks(report).get("GET /api/v1/messaging (browser) -> 307").path("statusCode").asInt()).isEqualTo(307);
        assertThat(checks(report).get("GET /api/v1/does-not-exist -> 404").path("statusCode").asInt()).isEqualTo(404);

        Document junit = junit();
        assertThat(junit.getElementsByTagName("testcase").getLength()).isGreaterThanOrEqualTo(13);
        assertThat(junit.getElementsByTagName("failure").getLength()).isZero();
        assertThat(junit.getElementsByTagName("error").getLength()).isZero();
    }

    @Test
    void brokenDeploymentFailsEveryLazyRouteWithTheImportErrorFromTheLogs() throws Exception {
        aws.deployed("broken", "$LATEST");

        Cli.Result r = run("--ascii");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        // console: the eight lazy routes fail, the public ones and the 404s pass
        for (String check : LAZY) {
            assertThat(r.outLines()).as(r.toString()).anyMatch(l -> l.startsWith("FAIL") && l.contains(check)
                    && l.contains(" 500 "));
        }
        for (String check : List.of(CHECKS.get(0), CHECKS.get(1), CHECKS.get(2), CHECKS.get(11), CHECKS.get(12))) {
            assertThat(r.outLines()).anyMatch(l -> l.startsWith("ok") && l.contains(check));
        }
        assertThat(r.outLines()).as(r.toString())
                .contains("FAIL log ModuleNotFoundError x8 (allowed 0): ModuleNotFoundError: No module named 'src'");
        assertThat(r.outLines().getLast()).as(r.toString())
                .startsWith("FAILED: 8 failed, 0 errors, 5 passed, 0 skipped of 13 checks in ")
                .endsWith("; 1 failing log finding");
        assertThat(aws.filterLogEventsCalls()).isPositive();

        // JSON report: the unmet expectation and the function's own log lines, per check
        JsonNode report = JsonMapper.shared().readTree(dir.resolve("reports/report.json").toFile());
        assertThat(report.path("passed").asBoolean()).isFalse();
        Map<String, JsonNode> checks = checks(report);
        for (String name : LAZY) {
            JsonNode c = checks.get(name);
            assertThat(c.path("outcome").asString()).as(name).isEqualTo("failed");
            assertThat(c.path("statusCode").asInt()).isEqualTo(500);
            assertThat(c.path("responseExcerpt").asString()).contains("Internal Server Error");
            assertThat(strings(c.path("logLines"))).as(name).anyMatch(l -> l.contains(
                    "ModuleNotFoundError: No module named 'src'"));
        }
        assertThat(strings(checks.get("GET /api/v1/providers -> 401|307").path("failures")))
                .containsExactly("expected status 401|307 but was 500");
        assertThat(strings(checks.get("GET /api/v1/messaging (browser) -> 307").path("failures")))
                .contains("expected status 307 but was 500");
        assertThat(strings(checks.get("GET /api/v1/reports with an invalid token -> 401").path("failures")))
                .containsExactly("expected status 401 but was 500");
        assertThat(checks.get("GET /health -> 200").path("outcome").asString()).isEqualTo("passed");
        List<JsonNode> failing = new ArrayList<>();
        report.path("verification").path("findings").values().forEach(f -> {
            if (f.path("failing").asBoolean()) {
                failing.add(f);
            }
        });
        assertThat(failing).anySatisfy(f -> {
            assertThat(f.path("pattern").asString()).isEqualTo("ModuleNotFoundError");
            assertThat(f.path("count").asInt()).isEqualTo(8);
        });

        // JUnit XML: the lazy routes are <failure>s with the message; the log lines are in system-out
        Document junit = junit();
        Map<String, Element> cases = testcases(junit);
        for (String name : LAZY) {
            Element tc = cases.get(name);
            assertThat(tc).as(name + " in " + cases.keySet()).isNotNull();
            assertThat(tc.getAttribute("classname")).isEqualTo("lambda-verify.unauthenticated");
            NodeList failures = tc.getElementsByTagName("failure");
            assertThat(failures.getLength()).as(name).isEqualTo(1);
            assertThat(((Element) failures.item(0)).getAttribute("message")).contains("but was 500");
            assertThat(tc.getElementsByTagName("system-out").item(0).getTextContent())
                    .contains("ModuleNotFoundError: No module named 'src'");
        }
        assertThat(((Element) cases.get("GET /api/v1/providers -> 401|307").getElementsByTagName("failure").item(0))
                .getAttribute("message")).isEqualTo("expected status 401|307 but was 500");
        assertThat(cases.get("GET /nope -> 404").getElementsByTagName("failure").getLength()).isZero();
        assertThat(junit.getElementsByTagName("testsuite")).satisfies(suites -> {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < suites.getLength(); i++) {
                names.add(((Element) suites.item(i)).getAttribute("name"));
            }
            assertThat(names).contains("public", "unauthenticated", "error-handling", "log-scan");
        });

        String summary = Files.readString(dir.resolve("reports/summary.md"), StandardCharsets.UTF_8);
        assertThat(summary).contains("### ❌ unauthenticated — 0/8 passed").contains("but was 500")
                .contains("ModuleNotFoundError: No module named 'src'");
    }

    @Test
    void withoutTheLogScanTheInvokeTailStillShowsTheImportError() throws Exception {
        aws.deployed("broken", "$LATEST");

        Cli.Result r = run("--no-log-scan");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(aws.filterLogEventsCalls()).isZero();
        assertThat(r.outLines().getLast()).startsWith("FAILED: 8 failed, 0 errors, 5 passed, 0 skipped of 13 checks in ")
                .doesNotContain("log finding");
        JsonNode report = JsonMapper.shared().readTree(dir.resolve("reports/report.json").toFile());
        assertThat(strings(checks(report).get("GET /api/v1/licenses -> 401|307").path("logLines")))
                .anyMatch(l -> l.contains("ModuleNotFoundError: No module named 'src'"));
        assertThat(report.path("verification").path("findings").size()).isZero();
    }

    @Test
    void theExamplesDocumentedLambdaCommandFindsTheFunctionThroughItsStack() throws Exception {
        // lambda-verify.yaml's header: lambda-verify run -c lambda-verify.yaml --mode lambda --stack lazy-router-app
        // --alias live. The file's "function: ApiFunction" (local mode's logical id) must not get in the way.
        aws.stack("lazy-router-app", "ApiFunction").alias("live", "3", "rev-9").configuration(FakeLambdaApi.FUNCTION, "3");
        aws.server.stubFor(aws.invoke().withQueryParam("Qualifier", com.github.tomakehurst.wiremock.client.WireMock
                .equalTo("live")).willReturn(FakeLambdaApi.app("good", "3")));
        Path example = IncidentEndToEndTest.exampleApp().resolve("lambda-verify.yaml");

        Cli.Result r = Cli.run("run", "-c", example.toString(), "--mode", "lambda", "--stack", "lazy-router-app",
                "--alias", "live", "--region", FakeLambdaApi.REGION, "--endpoint-url", aws.url(), "--no-log-scan",
                "--report-dir", dir.resolve("reports").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.PASSED);
        assertThat(aws.invocations()).hasSize(13);
        assertThat(r.err()).contains("verifying lambda:" + FakeLambdaApi.FUNCTION + ":live");
        JsonNode report = JsonMapper.shared().readTree(dir.resolve("reports/report.json").toFile());
        assertThat(report.path("target").path("version").asString()).isEqualTo("3");
        assertThat(report.path("target").path("qualifier").asString()).isEqualTo("live");
    }

    static Map<String, JsonNode> checks(JsonNode report) {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        report.path("verification").path("phases").values().forEach(p ->
                p.path("checks").values().forEach(c -> byName.put(c.path("name").asString(), c)));
        return byName;
    }

    static List<String> strings(JsonNode array) {
        return array.values().stream().map(JsonNode::asString).toList();
    }

    private Document junit() throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("reports/junit.xml").toFile());
    }

    static Map<String, Element> testcases(Document junit) {
        Map<String, Element> byName = new LinkedHashMap<>();
        NodeList list = junit.getElementsByTagName("testcase");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            byName.put(e.getAttribute("name"), e);
        }
        return byName;
    }

    static Stream<String> lines(Path p) throws Exception {
        return Files.readAllLines(p).stream();
    }
}
