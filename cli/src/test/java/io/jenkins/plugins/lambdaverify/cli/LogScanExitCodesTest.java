package io.jenkins.plugins.lambdaverify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The checks pass but CloudWatch Logs denies FilterLogEvents: exit 0 with the failed scan said on stdout and in
 * the report, or exit 3 (infrastructure) when the config says {@code logScan.required: true}.
 */
@Timeout(60)
@ExtendWith(DummyAwsCredentials.class)
class LogScanExitCodesTest {
    private static final String DENIED = "logs:FilterLogEvents denied for arn:aws:sts::123456789012:assumed-role/ci/"
            + "jenkins on /aws/lambda/" + FakeLambdaApi.FUNCTION + ": add logs:FilterLogEvents to the role's IAM policy";

    @TempDir
    Path dir;
    private FakeLambdaApi aws;

    @BeforeEach
    void start() {
        aws = new FakeLambdaApi().configuration(FakeLambdaApi.FUNCTION, "$LATEST").deployed("good", "$LATEST");
        aws.server.stubFor(post(urlPathEqualTo("/")).withHeader("X-Amz-Target",
                equalTo("Logs_20140328.FilterLogEvents")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User: arn:aws:sts::123456789012:"
                        + "assumed-role/ci/jenkins is not authorized to perform: logs:FilterLogEvents on resource: "
                        + "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/" + FakeLambdaApi.FUNCTION
                        + ":log-stream:\"}")));
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Cli.Result run(String logScan) throws Exception {
        Path config = dir.resolve("verify.yaml");
        Files.writeString(config, """
                version: 1
                target:
                  mode: lambda
                  function: %s
                checks:
                  - GET /health: 200
                logScan:
                  settle: 1s
                  quietPeriod: 200ms
                %s
                """.formatted(FakeLambdaApi.FUNCTION, logScan));
        return Cli.run(Cli.args(aws.runFlags(config.toString(), dir.resolve("reports").toString()), "--ascii"));
    }

    private JsonNode logScanOfReport() {
        return JsonMapper.shared().readTree(dir.resolve("reports/report.json").toFile()).path("verification")
                .path("logScan");
    }

    @Test
    void aDeniedScanThatIsNotRequiredExitsZeroAndSaysTheLogsWentUnread() throws Exception {
        Cli.Result r = run("");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.PASSED);
        assertThat(r.outLines()).as(r.toString()).contains("ERR log scan could not run: " + DENIED
                + " (the checks' verdict stands; the logs went unread)");
        assertThat(r.outLines().getLast()).startsWith("PASSED: 1 passed of 1 check in ").endsWith("; logs not scanned");
        assertThat(logScanOfReport().path("status").asString()).isEqualTo("failed");
        assertThat(logScanOfReport().path("action").asString()).isEqualTo("logs:FilterLogEvents");
    }

    @Test
    void aDeniedScanThatIsRequiredIsAnInfrastructureError() throws Exception {
        Cli.Result r = run("  required: true");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.INFRASTRUCTURE);
        assertThat(r.outLines()).as(r.toString()).contains("FAIL log scan could not run (logScan.required): " + DENIED
                + " (the run fails: logScan.required is set)");
        assertThat(r.outLines().getLast()).startsWith("FAILED: 0 failed, 0 errors, 1 passed, 0 skipped of 1 check in ")
                .endsWith("; the required log scan could not run");
        assertThat(logScanOfReport().path("required").asBoolean()).isTrue();
        assertThat(logScanOfReport().path("reason").asString()).isEqualTo(DENIED);
    }
}
