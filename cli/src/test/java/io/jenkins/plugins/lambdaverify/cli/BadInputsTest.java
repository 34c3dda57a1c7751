package io.jenkins.plugins.lambdaverify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Each user mistake and each broken answer, with the exact text a user sees and the exit code CI acts on. */
@Timeout(60)
@ExtendWith(DummyAwsCredentials.class)
class BadInputsTest {
    private static final String ONE_CHECK = """
            version: 1
            target:
              mode: lambda
              function: %s
            phases:
              - name: smoke
                checks:
                  - GET /health: 200
            """;

    @TempDir
    Path dir;
    private FakeLambdaApi aws;

    @BeforeEach
    void start() {
        aws = new FakeLambdaApi();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Path file(String name, String yaml) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private Cli.Result run(Path config, String... more) {
        return Cli.run(Cli.args(aws.runFlags(config.toString(), dir.resolve("reports").toString()), more));
    }

    // ---- config mistakes: exit 2, nothing invoked, every problem on its own line with file:line:column

    @Test
    void malformedYamlNamesTheLineAndWhatIsWrong() throws Exception {
        Path f = file("malformed.yaml", """
                version: 1
                target:
                  function: fn
                phases:
                  - name: public
                    checks: [GET /health
                """);

        Cli.Result r = run(f);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly("error: " + f + ":6:25: not valid YAML: expected ',' or ']', "
                + "but got <stream end> (while parsing a flow sequence)");
        assertThat(r.out()).isEmpty();
        assertThat(aws.invocations()).isEmpty();
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void unknownKeysAreNamedWithDidYouMean() throws Exception {
        Path f = file("unknown.yaml", """
                version: 1
                target:
                  function: fn
                  regoin: eu-west-1
                phases:
                  - name: public
                    expct: {status: 200}
                    checks:
                      - GET /health
                """);

        Cli.Result r = run(f);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly(
                "error: " + f + ":4:3: unknown key 'regoin' in target (did you mean 'region'?); allowed: alias, artifact,"
                        + " baseUrl, endpointUrl, eventFormat, function, handler, logicalId, mode, namePrefix, nameRegex,"
                        + " profile, qualifier, region, runtime, stack, template",
                "error: " + f + ":7:5: unknown key 'expct' in a phase (did you mean 'expect'?); allowed: checks, expect,"
                        + " name, timeout");
        assertThat(aws.invocations()).isEmpty();
    }

    @Test
    void invalidStatusCodesAreNamedWithTheirValue() throws Exception {
        Path f = file("codes.yaml", """
                version: 1
                target:
                  function: fn
                phases:
                  - name: public
                    checks:
                      - GET /health: 999
                      - request: {method: GET, path: /x}
                        expect: {status: [200, "abc"]}
                """);

        Cli.Result r = run(f);

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly(
                "error: " + f + ":7:22: status 999 is not an HTTP status code (100-599)",
                "error: " + f + ":9:32: status 'abc' is not a code (200), a class (2xx), a set ([401, 307]) or 'not 5xx'");
    }

    @Test
    void aMissingTargetSaysWhatToSet() throws Exception {
        Path f = file("notarget.yaml", """
                version: 1
                phases:
                  - name: public
                    checks:
                      - GET /health: 200
                """);

        Cli.Result r = Cli.run("run", "-c", f.toString(), "--region", "eu-west-1", "--report-dir",
                dir.resolve("reports").toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly("error: " + f + ": missing target: set target.function (or stack + "
                + "logicalId, namePrefix or nameRegex) in the config, or pass --function");
        assertThat(dir.resolve("reports")).doesNotExist();
    }

    @Test
    void aMissingConfigFileSaysHowToGiveOne() {
        Path f = dir.resolve("nope.yaml");
        Cli.Result r = Cli.run("run", "-c", f.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).containsExactly("error: " + f
                + ": config file not found: create it (see docs/getting-started.md) or pass another with -c");
    }

    @Test
    void badFlagValuesAreUsageErrors() throws Exception {
        Path f = file("ok.yaml", ONE_CHECK.formatted("fn"));
        String help = "Try 'lambda-verify run --help' for more information.";

        assertUsage(run(f, "--concurrency", "0"), "lambda-verify: --concurrency 0 must be between 1 and 256");
        assertUsage(run(f, "--concurrency", "abc"),
                "lambda-verify: Invalid value for option '--concurrency': 'abc' is not an int", help);
        assertUsage(Cli.run("run", "-c", f.toString(), "--mode", "lamda"), "lambda-verify: --mode 'lamda' is not one of lambda, http, local");
        assertUsage(run(f, "--event-format", "v3"), "lambda-verify: --event-format 'v3' is not one of apigateway-v1,"
                + " apigateway-v2, alb, function-url");
        assertUsage(run(f, "--timeout", "5"),
                "lambda-verify: --timeout '5' is not a duration: write it with a unit, e.g. 500ms, 30s, 10m");
        assertUsage(run(f, "--rollback", "revert"),
                "lambda-verify: --rollback 'revert' is not one of alias, sam, command, none");
        assertUsage(Cli.run("run", "-c", f.toString(), "--region", "Europe", "--report-dir", dir.resolve("r").toString()),
                "error: AWS settings: region 'Europe' from region is not an AWS region id: use e.g. eu-west-1");
        assertUsage(Cli.run("run", "--no-such-flag"), "lambda-verify: Unknown option: '--no-such-flag'", help);
        assertUsage(Cli.run("deploy"), "lambda-verify: 'deploy' is not a command: use run, validate or serve",
                "Try 'lambda-verify --help' for more information.");
        assertThat(aws.invocations()).isEmpty();
    }

    private static void assertUsage(Cli.Result r, String... lines) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.errLines()).as(r.toString()).containsExactly(lines);
    }

    // ---- infrastructure: exit 3 with a one-line cause, reports still written

    @Test
    void anUnreachableEndpointIsAnInfrastructureErrorWithOneLineCause() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Path f = file("ok.yaml", ONE_CHECK.formatted("orders"));

        Cli.Result r = Cli.run("run", "-c", f.toString(), "--region", "eu-west-1", "--endpoint-url",
                "http://127.0.0.1:" + closed, "--report-dir", dir.resolve("reports").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(r.errLines()).as(r.toString()).contains("cannot verify lambda:orders: lambda:GetFunctionConfiguration"
                + " on orders:$LATEST failed: ConnectException: Connection refused");
        assertThat(r.outLines().getLast()).isEqualTo("FAILED: could not reach the function: lambda:GetFunctionConfiguration"
                + " on orders:$LATEST failed: ConnectException: Connection refused; 0 failed, 0 errors, 0 passed,"
                + " 1 skipped of 1 check in 0 ms");
        JsonNode report = JsonMapper.shared().readTree(dir.resolve("reports/report.json").toFile());
        assertThat(report.path("verification").path("infrastructureError").asString()).contains("Connection refused");
    }

    @Test
    void aFunctionThatDoesNotExistIsAnInfrastructureError() throws Exception {
        aws.server.stubFor(get(urlPathEqualTo("/2015-03-31/functions/orders/configuration")).willReturn(
                FakeLambdaApi.awsError(404, "ResourceNotFoundException",
                        "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:orders")));
        Path f = file("ok.yaml", ONE_CHECK.formatted("orders"));

        Cli.Result r = Cli.run("run", "-c", f.toString(), "--region", "eu-west-1", "--endpoint-url", aws.url(),
                "--report-dir", dir.resolve("reports").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(r.errLines()).contains("cannot verify lambda:orders: function orders not found in eu-west-1: check the"
                + " name, qualifier and region");
        assertThat(aws.invocations()).isEmpty();
    }

    // ---- what the function answers: a check ERROR with an excerpt, exit 1, never a crash

    @Test
    void aNonJsonPayloadIsACheckErrorWithAnExcerpt() throws Exception {
        aws.configuration(FakeLambdaApi.FUNCTION, "$LATEST");
        aws.server.stubFor(aws.invoke().willReturn(aResponse().withStatus(200).withHeader("X-Amz-Executed-Version",
                "$LATEST").withBody("<html><body>Bad Gateway</body></html>")));
        Path f = file("ok.yaml", ONE_CHECK.formatted(FakeLambdaApi.FUNCTION));

        Cli.Result r = run(f, "--no-log-scan", "--ascii");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.outLines()).anyMatch(l -> l.startsWith("ERR") && l.contains("GET /health -> 200"));
        JsonNode check = IncidentEndToEndTest.checks(JsonMapper.shared().readTree(dir.resolve("reports/report.json")
                .toFile())).get("GET /health -> 200");
        assertThat(check.path("outcome").asString()).isEqualTo("error");
        assertThat(check.path("errorMessage").asString())
                .startsWith("Function response is not JSON (API Gateway would answer 502 Bad Gateway): ");
        assertThat(check.path("responseExcerpt").asString()).isEqualTo("<html><body>Bad Gateway</body></html>");
    }

    @Test
    void anOversizedPayloadIsACheckErrorWithABoundedExcerpt() throws Exception {
        aws.configuration(FakeLambdaApi.FUNCTION, "$LATEST");
        byte[] huge = new byte[6 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) 'x');
        aws.server.stubFor(aws.invoke().willReturn(aResponse().withStatus(200).withBody(huge)));
        Path f = file("ok.yaml", ONE_CHECK.formatted(FakeLambdaApi.FUNCTION));

        Cli.Result r = run(f, "--no-log-scan", "--ascii");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        JsonNode check = IncidentEndToEndTest.checks(JsonMapper.shared().readTree(dir.resolve("reports/report.json")
                .toFile())).get("GET /health -> 200");
        assertThat(check.path("outcome").asString()).isEqualTo("error");
        assertThat(check.path("errorMessage").asString()).startsWith(
                "Function response is 6291457 bytes, over the 6291456-byte limit; only an excerpt is kept: xxxx")
                .hasSizeLessThan(500);
        assertThat(check.path("responseExcerpt").asString()).hasSizeLessThan(400).startsWith("xxxx").endsWith("...");
        assertThat(Files.size(dir.resolve("reports/report.json"))).isLessThan(100_000);
    }

    @Test
    void aBase64BodyReachesTheFunctionAsBase64AndABinaryAnswerIsReported() throws Exception {
        aws.configuration(FakeLambdaApi.FUNCTION, "$LATEST");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, (byte) 0xff, (byte) 0xfe};
        String pngBase64 = java.util.Base64.getEncoder().encodeToString(png);
        aws.server.stubFor(aws.invoke().willReturn(aResponse().withStatus(200).withHeader("X-Amz-Executed-Version",
                "$LATEST").withBody("{\"statusCode\": 200, \"headers\": {\"Content-Type\": \"image/png\"},"
                + " \"body\": \"" + pngBase64 + "\", \"isBase64Encoded\": true}")));
        Path f = file("b64.yaml", """
                version: 1
                target: {mode: lambda, function: %s}
                phases:
                  - name: upload
                    checks:
                      - name: POST /api/v1/imports (binary)
                        request: {method: POST, path: /api/v1/imports, body: "AAEC/w==", base64Body: true,
                                  headers: {Content-Type: application/octet-stream}}
                        expect: {status: 200, headers: {Content-Type: image/png}}
                """.formatted(FakeLambdaApi.FUNCTION));

        Cli.Result r = run(f, "--no-log-scan", "--ascii");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.PASSED);
        List<LoggedRequest> calls = aws.invocations();
        assertThat(calls).hasSize(1);
        JsonNode event = JsonMapper.shared().readTree(calls.getFirst().getBodyAsString());
        assertThat(event.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(event.path("body").asString()).isEqualTo("AAEC/w==");
        assertThat(event.path("httpMethod").asString()).isEqualTo("POST");
        JsonNode check = IncidentEndToEndTest.checks(JsonMapper.shared().readTree(dir.resolve("reports/report.json")
                .toFile())).get("POST /api/v1/imports (binary)");
        assertThat(check.path("outcome").asString()).isEqualTo("passed");
        assertThat(check.path("statusCode").asInt()).isEqualTo(200);
        assertThat(r.outLines()).anyMatch(l -> l.startsWith("ok") && l.contains("POST /api/v1/imports (binary)"));
        // the binary body is kept as its base64 text: no mangled bytes, and the XML report still parses
        assertThat(check.path("responseExcerpt").asString()).isEqualTo("(binary body, base64) " + pngBase64);
        org.w3c.dom.Document junit = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("reports/junit.xml").toFile());
        assertThat(IncidentEndToEndTest.testcases(junit).get("POST /api/v1/imports (binary)")
                .getElementsByTagName("system-out").item(0).getTextContent()).contains(pngBase64);
    }
}
