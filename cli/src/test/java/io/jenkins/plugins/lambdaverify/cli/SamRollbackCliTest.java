package io.jenkins.plugins.lambdaverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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

/** A sam rollback that cannot know what to deploy refuses, says why, and exits 5 (the deployment is still broken). */
@Timeout(60)
@ExtendWith(DummyAwsCredentials.class)
class SamRollbackCliTest {
    @TempDir
    Path dir;
    private FakeLambdaApi aws;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        aws = new FakeLambdaApi().configuration(FakeLambdaApi.FUNCTION, "8");
        aws.server.stubFor(aws.invoke().willReturn(FakeLambdaApi.app("broken", "8")));
        config = IncidentEndToEndTest.incidentConfig(dir);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    private Cli.Result run(String... more) {
        List<String> base = aws.runFlags(config.toString(), dir.resolve("reports").toString());
        return Cli.run(Cli.args(base, Cli.args(List.of("--rollback", "sam", "--no-log-scan", "--ascii"), more)));
    }

    private JsonNode rollback() {
        return JsonMapper.shared().readTree(dir.resolve("reports/report.json").toFile()).path("rollback");
    }

    @Test
    void withNothingToGoBackToItRefusesAndExitsFive() {
        Cli.Result r = run();

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.ROLLBACK_FAILED);
        String why = "the sam strategy needs the deployment to go back to: the previous good run's report "
                + "(rollback.previousReport or --previous-report; a run with rollback strategy sam records its stack "
                + "when it passes) or rollback.sam.templateFile";
        assertThat(r.errLines()).contains("rollback refused: " + why);
        assertThat(rollback().path("status").asString()).isEqualTo("refused");
        assertThat(rollback().path("reason").asString()).isEqualTo(why);
    }

    @Test
    void aPreviousReportWithoutARollbackPointIsRefusedWithWhatRecordsOne() throws Exception {
        Files.createDirectories(dir.resolve("previous"));
        Cli.Result first = run("--json", dir.resolve("previous/report.json").toString());
        assertThat(first.exitCode()).isEqualTo(ExitCodes.ROLLBACK_FAILED);

        Cli.Result r = run("--previous-report", dir.resolve("previous/report.json").toString());

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.ROLLBACK_FAILED);
        assertThat(rollback().path("reason").asString()).isEqualTo("the previous report "
                + dir.resolve("previous/report.json") + " has no rollback point: one is recorded when a run with "
                + "rollback strategy sam and a stack (target.stack or rollback.sam.stackName) passes");
    }
}
