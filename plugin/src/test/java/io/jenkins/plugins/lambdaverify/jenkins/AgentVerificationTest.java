package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.TaskListener;
import io.jenkins.plugins.lambdaverify.report.JsonReportWriter;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RollbackPoint;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.spec.RollbackSpec;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the agent turns the config file and the step's parameters into the spec the engine runs. */
class AgentVerificationTest {
    private static final List<Map<String, Object>> HEALTH =
            List.of(Map.of("name", "public", "checks", List.of(Map.of("GET /health", 200))));
    private static final AgentRequest.TargetOverrides ORDERS =
            new AgentRequest.TargetOverrides("orders-api", null, null, null, "eu-west-1", null, null, null, null);

    private static final String SMOKE = "phases: [{name: smoke, checks: ['GET /: 200']}]\n";

    @TempDir
    Path workspace;

    @Test
    void withoutAFileTheStepsParametersAreTheWholeSpec() throws AbortException {
        VerifySpec spec = spec(request("lambda-verify.yaml", false, HEALTH, List.of(), null, 0, 0, 0));

        assertThat(spec.target().function()).isEqualTo("orders-api");
        assertThat(spec.target().region()).isEqualTo("eu-west-1");
        assertThat(spec.phases()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("public");
            assertThat(p.checks()).hasSize(1);
        });
        assertThat(spec.logScan().enabled()).isTrue();
        assertThat(spec.rollback().strategy()).isEqualTo(RollbackSpec.Strategy.NONE);
    }

    @Test
    void theFileIsReadAndTheStepOverridesWhatItNames() throws IOException {
        write("lambda-verify.yaml", """
            target:
              function: other
              qualifier: live
            execution:
              concurrency: 16
              deadline: 5m
            logScan:
              patterns: [ModuleNotFoundError]
            phases:
              - name: smoke
                checks:
                  - GET /: 200
                  - GET /ready: 200
            """);

        VerifySpec spec = spec(request(
                "lambda-verify.yaml",
                false,
                List.of(),
                List.of(new AgentRequest.Pattern("imports", "ImportModuleError", 0)),
                "alias",
                0,
                120,
                4));

        assertThat(spec.target().function()).isEqualTo("orders-api");
        assertThat(spec.target().qualifier()).isEqualTo("live");
        assertThat(spec.phases())
                .singleElement()
                .satisfies(p -> assertThat(p.checks()).hasSize(2));
        assertThat(spec.execution().concurrency()).as("the global cap wins").isEqualTo(4);
        assertThat(spec.execution().deadline()).isEqualTo(Duration.ofSeconds(120));
        assertThat(spec.logScan().patterns())
                .extracting(p -> p.regex())
                .contains("ModuleNotFoundError", "ImportModuleError");
        assertThat(spec.rollback().strategy()).isEqualTo(RollbackSpec.Strategy.ALIAS);
    }

    @Test
    void inlinePhasesReplaceTheFilesAndTheStepsConcurrencyApplies() throws IOException {
        write("lambda-verify.yaml", "phases:\n  - name: smoke\n    checks:\n      - GET /: 200\n");

        VerifySpec spec = spec(request("lambda-verify.yaml", false, HEALTH, List.of(), null, 2, 0, 8));

        assertThat(spec.phases()).extracting(p -> p.name()).containsExactly("public");
        assertThat(spec.execution().concurrency()).isEqualTo(2);
    }

    @Test
    void aMissingNamedFileIsAOneLineError() {
        AgentVerification verification =
                verification(request("deploy/verify.yaml", true, HEALTH, List.of(), null, 0, 0, 0));

        assertThatThrownBy(() -> verification.spec(workspace))
                .isInstanceOf(AbortException.class)
                .hasMessageStartingWith("lambda-verify: ")
                .hasMessageContaining("verify.yaml")
                .hasMessageContaining("config file not found")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aConfigPathOutsideTheWorkspaceIsRefused() throws IOException {
        Path outside = Files.writeString(
                workspace.getParent().resolve("outside-" + workspace.getFileName() + ".yaml"),
                "phases: [}",
                StandardCharsets.UTF_8);
        try {
            AgentVerification verification =
                    verification(request("../" + outside.getFileName(), true, HEALTH, List.of(), null, 0, 0, 0));

            assertThatThrownBy(() -> verification.spec(workspace))
                    .isInstanceOf(AbortException.class)
                    .hasMessageContaining("config '../" + outside.getFileName() + "' is outside the workspace")
                    .hasMessageNotContaining("phases: [}"); // nothing of the file is read or echoed
        } finally {
            Files.delete(outside);
        }
    }

    @Test
    void noFileAndNoPhasesSaysWhatToGive() {
        AgentVerification verification =
                verification(request("lambda-verify.yaml", false, List.of(), List.of(), null, 0, 0, 0));

        assertThatThrownBy(() -> verification.spec(workspace))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("no checks: give phases to the step, or a config file");
    }

    @Test
    void everyProblemOfTheFileIsNamedWithItsLineAndColumnOnOneLine() throws IOException {
        write("verify.yaml", "phases:\n  - name: smoke\n    chekcs: []\nexecution:\n  concurrency: lots\n");
        AgentVerification verification =
                verification(request("verify.yaml", true, List.of(), List.of(), null, 0, 0, 0));

        assertThatThrownBy(() -> verification.spec(workspace))
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("verify.yaml:3:")
                .hasMessageContaining("verify.yaml:5:")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnexpectedFailureComesBackAsOneLineOfTextOnly() throws IOException {
        // A workspace that is a file: the report directory cannot be created (an IOException on the agent).
        Path notADirectory = Files.writeString(workspace.resolve("file"), "x", StandardCharsets.UTF_8);
        AgentVerification verification = new AgentVerification(
                new FilePath(notADirectory.toFile()),
                request("lambda-verify.yaml", false, HEALTH, List.of(), null, 0, 0, 0),
                TaskListener.NULL);

        assertThatThrownBy(verification::call)
                .isExactlyInstanceOf(AbortException.class)
                .hasMessageStartingWith("lambda-verify: the verification failed on the agent: ")
                .hasMessageNotContaining("\n")
                .hasNoCause();
    }

    @Test
    void anEarlierBuildsRollbackPointIsThePreviousReportOfASamRollbackWithNoneOfItsOwn() throws IOException {
        AgentRequest.Carried carried = new AgentRequest.Carried("lambda-verify/7/previous/report.json", "orders #12");
        writePrevious("orders-api", "orders-api-stack");
        write("lambda-verify.yaml", SMOKE + "rollback: {strategy: sam}\n");

        VerifySpec sam = spec(request("lambda-verify.yaml", false, HEALTH, List.of(), null, 0, 0, 0)
                .withPrevious(carried));
        assertThat(sam.rollback().previousReport()).isEqualTo("lambda-verify/7/previous/report.json");

        write("lambda-verify.yaml", SMOKE + "rollback: {strategy: sam, previousReport: last-good/report.json}\n");
        VerifySpec explicit = spec(request("lambda-verify.yaml", false, HEALTH, List.of(), null, 0, 0, 0)
                .withPrevious(carried));
        assertThat(explicit.rollback().previousReport()).isEqualTo("last-good/report.json");

        write("lambda-verify.yaml", SMOKE + "rollback: {strategy: alias}\n");
        VerifySpec alias = spec(request("lambda-verify.yaml", false, HEALTH, List.of(), null, 0, 0, 0)
                .withPrevious(carried));
        assertThat(alias.rollback().previousReport()).isNull();

        // the step's rollback: 'sam' turns it on for a file that says alias
        VerifySpec stepSam = spec(request("lambda-verify.yaml", false, HEALTH, List.of(), "sam", 0, 0, 0)
                .withPrevious(carried));
        assertThat(stepSam.rollback().previousReport()).isEqualTo("lambda-verify/7/previous/report.json");
    }

    @Test
    void aCarriedPointOfAnotherDeploymentIsNotUsed() throws IOException {
        // the step id follows the flow node: an edited Pipeline or a parallel branch can carry another stack's point
        AgentRequest.Carried carried = new AgentRequest.Carried("lambda-verify/7/previous/report.json", "orders #12");
        writePrevious("payments-api", "payments");
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        TaskListener listener = new hudson.util.StreamTaskListener(log, StandardCharsets.UTF_8);

        // only a function named: the earlier run verified another function, so its stack is not this one's
        write("lambda-verify.yaml", SMOKE + "rollback: {strategy: sam}\n");
        AgentRequest request = request("lambda-verify.yaml", false, HEALTH, List.of(), null, 0, 0, 0)
                .withPrevious(carried);
        assertThat(new AgentVerification(new FilePath(workspace.toFile()), request, listener)
                        .spec(workspace)
                        .rollback()
                        .previousReport())
                .isNull();
        assertThat(log.toString(StandardCharsets.UTF_8))
                .contains("[lambda-verify] rollback point: not using the one kept by orders #12: it is for stack "
                        + "payments of function payments-api, this run verifies function orders-api");

        // a stack named (the step's function replaces the file's target.stack, not rollback.sam.stackName): the point's
        write("lambda-verify.yaml", SMOKE + "rollback: {strategy: sam, sam: {stackName: orders-api-stack}}\n");
        assertThat(spec(request).rollback().previousReport()).isNull();
        write("lambda-verify.yaml", SMOKE + "rollback: {strategy: sam, sam: {stackName: payments}}\n");
        assertThat(spec(request).rollback().previousReport()).isEqualTo("lambda-verify/7/previous/report.json");

        // the same stack in another region is another deployment
        write(
                "lambda-verify.yaml",
                SMOKE + "rollback: {strategy: sam, sam: {stackName: payments, region: us-east-1}}\n");
        assertThat(spec(request).rollback().previousReport()).isNull();
    }

    private void writePrevious(String function, String stack) throws IOException {
        Path dir = workspace.resolve("lambda-verify/7/previous");
        Files.createDirectories(dir);
        RollbackPoint point = new RollbackPoint(
                stack,
                "arn:aws:cloudformation:eu-west-1:123456789012:stack/" + stack + "/0f1e",
                "eu-west-1",
                "UPDATE_COMPLETE",
                Instant.parse("2026-11-28T10:00:00Z"),
                List.of(),
                List.of(),
                "rollback-point/template.yaml",
                "0".repeat(64),
                null,
                null);
        TargetInfo target =
                new TargetInfo("lambda:" + function, function, null, null, "42", null, "eu-west-1", null, null, null);
        Instant start = Instant.parse("2026-11-28T10:15:30Z");
        VerificationResult result = new VerificationResult(
                "lambda:" + function,
                start,
                start.plusSeconds(2),
                List.of(new PhaseResult("public", List.of(), Duration.ofMillis(10))),
                List.of(),
                Termination.COMPLETED,
                null);
        Files.writeString(
                dir.resolve("report.json"),
                new JsonReportWriter().toJson(RunReport.of(target, result).withRollbackPoint(point)),
                StandardCharsets.UTF_8);
    }

    private VerifySpec spec(AgentRequest request) throws AbortException {
        return verification(request).spec(workspace);
    }

    private AgentVerification verification(AgentRequest request) {
        return new AgentVerification(new FilePath(workspace.toFile()), request, TaskListener.NULL);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(workspace.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static AgentRequest request(
            String config,
            boolean required,
            List<Map<String, Object>> phases,
            List<AgentRequest.Pattern> patterns,
            String rollback,
            int concurrency,
            int timeoutSeconds,
            int cap) {
        return new AgentRequest(
                "7",
                "lambda-verify/7",
                config,
                required,
                ORDERS,
                phases,
                patterns,
                rollback,
                concurrency,
                timeoutSeconds,
                new AgentAws(Map.of(), null, null, false),
                cap,
                null);
    }
}
