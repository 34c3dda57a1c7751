package io.jenkins.plugins.lambdaverify.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rollback through the CLI with the alias strategy: alias {@code live} points at the broken version 8, the previous
 * version 7 is good. A WireMock scenario switches the function's answers once UpdateAlias moved the alias.
 */
@Timeout(60)
@ExtendWith(DummyAwsCredentials.class)
class RollbackExitCodesTest {
    private static final String ALIAS_PATH = "/2015-03-31/functions/" + FakeLambdaApi.FUNCTION + "/aliases/live";
    private static final String ALIAS = FakeLambdaApi.FUNCTION + ":live";

    @TempDir
    Path dir;
    private FakeLambdaApi aws;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeLambdaApi().configuration(FakeLambdaApi.FUNCTION, "8").alias("live", "8", "rev-1");
        aws.server.stubFor(aws.invoke().inScenario("deploy").whenScenarioStateIs(STARTED)
                .willReturn(FakeLambdaApi.app("broken", "8")));
        aws.server.stubFor(aws.invoke().inScenario("deploy").whenScenarioStateIs("rolled back")
                .willReturn(FakeLambdaApi.app("good", "7")));
        config = IncidentEndToEndTest.incidentConfig(dir);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Cli.Result run(String... more) {
        List<String> base = aws.runFlags(config.toString(), dir.resolve("reports").toString());
        return Cli.run(Cli.args(base, Cli.args(List.of("--alias", "live", "--rollback", "alias", "--previous-version",
                "7", "--no-log-scan", "--ascii"), more)));
    }

    private JsonNode report() {
        return JsonMapper.shared().readTree(dir.resolve("reports/report.json").toFile());
    }

    @Test
    void failingChecksRolledBackAndReverifiedExitFour() {
        aws.server.stubFor(put(urlPathEqualTo(ALIAS_PATH)).inScenario("deploy").whenScenarioStateIs(STARTED)
                .willSetStateTo("rolled back")
                .willReturn(FakeLambdaApi.json(200, FakeLambdaApi.aliasJson("live", "7", "rev-2"))));

        Cli.Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.ROLLED_BACK);
        // compare-and-set on the RevisionId recorded before the checks, weighted routing cleared
        aws.server.verify(1, putRequestedFor(urlPathEqualTo(ALIAS_PATH)).withRequestBody(equalToJson(
                "{\"FunctionVersion\": \"7\", \"RevisionId\": \"rev-1\", \"RoutingConfig\": "
                        + "{\"AdditionalVersionWeights\": {}}}", true, true)));
        assertThat(aws.invocations()).hasSize(26);
        assertThat(r.errLines()).contains("rollback done: rolled back: alias " + ALIAS
                + " now points at version 7 (was 8)", "re-verifying the rolled-back version");
        JsonNode report = report();
        assertThat(report.path("passed").asBoolean()).isFalse();
        assertThat(report.path("rolledBack").asBoolean()).isTrue();
        assertThat(report.path("rollback").path("status").asString()).isEqualTo("done");
        assertThat(report.path("rollback").path("fromVersion").asString()).isEqualTo("8");
        assertThat(report.path("rollback").path("toVersion").asString()).isEqualTo("7");
        assertThat(report.path("verification").path("summary").path("failed").asInt()).isEqualTo(8);
        assertThat(report.path("reverification").path("passed").asBoolean()).isTrue();
        assertThat(report.path("reverification").path("summary").path("passed").asInt()).isEqualTo(13);
    }

    @Test
    void aStaleRevisionIdRefusesTheRollbackExitFive() {
        aws.server.stubFor(put(urlPathEqualTo(ALIAS_PATH)).willReturn(FakeLambdaApi.awsError(412,
                "PreconditionFailedException", "The Revision Id provided does not match the latest Revision Id.")));

        Cli.Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.ROLLBACK_FAILED);
        String reason = "alias " + ALIAS + " changed since verification started (RevisionId rev-1 is stale): "
                + "someone else deployed, so it was left alone";
        assertThat(r.errLines()).contains("rollback refused: " + reason);
        assertThat(r.out()).contains(reason);
        assertThat(r.errLines()).doesNotContain("re-verifying the rolled-back version");
        assertThat(aws.invocations()).hasSize(13);
        assertThat(report().path("rollback").path("status").asString()).isEqualTo("refused");
        assertThat(report().path("rollback").path("reason").asString()).isEqualTo(reason);
    }

    @Test
    void aDeniedUpdateAliasFailsTheRollbackExitFive() {
        aws.server.stubFor(put(urlPathEqualTo(ALIAS_PATH)).willReturn(FakeLambdaApi.awsError(403,
                "AccessDeniedException", "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: "
                        + "lambda:UpdateAlias")));

        Cli.Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.ROLLBACK_FAILED);
        assertThat(r.errLines()).contains("rollback failed: UpdateAlias failed: AccessDeniedException: "
                + "lambda:UpdateAlias denied, add it to the role");
        assertThat(report().path("rollback").path("status").asString()).isEqualTo("failed");
    }

    @Test
    void aDryRunOnlySaysWhatItWouldDoExitOne() {
        Cli.Result r = run("--dry-run");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.FAILED);
        String would = "would update alias " + ALIAS + " from version 8 to 7 (RevisionId rev-1)";
        assertThat(r.errLines()).contains("rollback dry run: " + would);
        assertThat(r.out()).contains(would);
        aws.server.verify(0, putRequestedFor(urlPathEqualTo(ALIAS_PATH)));
        assertThat(aws.invocations()).hasSize(13);
        assertThat(report().path("rollback").path("status").asString()).isEqualTo("dry_run");
    }

    @Test
    void passingChecksTouchNothingExitZero() {
        aws.server.stubFor(aws.invoke().atPriority(1).willReturn(FakeLambdaApi.app("good", "8")));

        Cli.Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.PASSED);
        aws.server.verify(0, putRequestedFor(urlPathEqualTo(ALIAS_PATH)));
        assertThat(report().path("rollback").isNull()).isTrue();
    }

    @Test
    void withoutAPreviousVersionTheRollbackIsRefused() {
        List<String> base = aws.runFlags(config.toString(), dir.resolve("reports").toString());
        Cli.Result r = Cli.run(Cli.args(base, "--alias", "live", "--rollback", "alias", "--no-log-scan"));

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.ROLLBACK_FAILED);
        assertThat(r.errLines()).contains("rollback refused: previous version of " + ALIAS + " unknown: set "
                + "rollback.previousVersion (--previous-version) or keep the previous successful run's report "
                + "(--previous-report)");
        aws.server.verify(0, putRequestedFor(urlPathEqualTo(ALIAS_PATH)));
    }
}
