package io.jenkins.plugins.lambdaverify.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.lambdaverify.aws.AwsSettings;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.local.LocalTestSupport;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.rollback.LocalProcessRunner;
import io.jenkins.plugins.lambdaverify.spec.SpecException;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The whole run, as every front end calls it, on the incident's example built good and broken. */
@Timeout(120)
class VerificationTest {
    private final List<String> info = new CopyOnWriteArrayList<>();

    private RunReport run(String variant, String extra) throws Exception {
        Path example = LocalTestSupport.exampleApp();
        String yaml = Files.readString(example.resolve("lambda-verify.yaml")) + extra;
        VerifySpec spec = SpecLoader.parse(yaml, "lambda-verify.yaml");
        spec = spec.withTarget(spec.target().overriddenBy(new io.jenkins.plugins.lambdaverify.spec.TargetSpec(null,
                null, null, null, null, null, null, null, null, null, null,
                LocalTestSupport.builtTemplate(variant).toString(), null, null, null)));
        ProgressListener listener = new ProgressListener() {
            @Override
            public void info(String message) {
                info.add(message);
            }
        };
        RunContext ctx = new RunContext(new AwsSettings(null, null, null, null, null, null, null, Map.of(), false, null),
                listener, new LocalProcessRunner(), example, Clock.systemUTC(), List.of());
        return new Verification(ctx).run(spec);
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
    void goodBuildPassesWithACleanLogScan() throws Exception {
        RunReport report = run("good", "");
        assertThat(report.passed()).isTrue();
        assertThat(report.verification().count(Outcome.PASSED)).isEqualTo(13);
        assertThat(report.verification().findings()).noneMatch(LogFinding::failing);
        assertThat(report.rollback()).isNull();
        assertThat(report.target().description()).isEqualTo("local:ApiFunction");
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
    void brokenBuildFailsEveryLazyRouteWithItsOwnModuleNotFoundErrorLine() throws Exception {
        RunReport report = run("broken", "");
        assertThat(report.passed()).isFalse();
        List<CheckResult> unauthenticated = report.verification().phases().get(1).checks();
        assertThat(unauthenticated).hasSize(8).allSatisfy(c -> {
            assertThat(c.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(c.statusCode()).isEqualTo(500);
            assertThat(String.join("\n", c.logLines())).contains("ModuleNotFoundError: No module named 'src'");
        });
        assertThat(report.verification().phases().get(0).passed()).isTrue();
        assertThat(report.verification().findings()).filteredOn(LogFinding::failing)
                .singleElement().satisfies(f -> {
                    assertThat(f.pattern()).isEqualTo("ModuleNotFoundError");
                    assertThat(f.count()).isEqualTo(8);
                });
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = LocalTestSupport.LINUX_SANDBOX)
    void rollbackIsRefusedWhereThereIsNoAliasAndSaysWhy() throws Exception {
        RunReport report = run("broken", "rollback: {strategy: alias}\n");
        assertThat(report.rollback().status()).isEqualTo(RollbackOutcome.Status.REFUSED);
        assertThat(report.rollback().reason()).startsWith("the alias strategy needs a Lambda alias");
        assertThat(report.reverification()).isNull();
    }

    @Test
    @DisabledOnOs(value = OS.WINDOWS, disabledReason = "the rollback command is POSIX true(1); and "
            + LocalTestSupport.LINUX_SANDBOX)
    void commandRollbackRunsAndTheRolledBackTargetIsVerifiedAgain() throws Exception {
        RunReport report = run("broken", "rollback: {strategy: command, command: [\"true\"]}\n");
        assertThat(report.rollback().status()).isEqualTo(RollbackOutcome.Status.DONE);
        // the same (still broken) build is re-verified: the report says the rollback did not fix it
        assertThat(report.reverification()).isNotNull();
        assertThat(report.reverification().passed()).isFalse();
    }

    @Test
    void missingTargetIsAUserMistake() {
        VerifySpec spec = SpecLoader.parse("checks: [GET /health]", "lambda-verify.yaml");
        RunContext ctx = new RunContext(new AwsSettings(null, null, null, null, null, null, null, Map.of(), false, null),
                ProgressListener.NONE, new LocalProcessRunner(), Path.of("."), Clock.systemUTC(), List.of());
        assertThatThrownBy(() -> new Verification(ctx).run(spec)).isInstanceOf(SpecException.class)
                .hasMessage("lambda-verify.yaml: missing target: set target.function (or stack + logicalId, "
                        + "namePrefix or nameRegex) in the config, or pass --function");
    }

    @Test
    void unknownLocalFunctionGivesAWholeReportOfChecksNotRun() throws Exception {
        RunReport report = runWithFunction("NoSuchFunction");
        assertThat(report.verification().infrastructureError()).contains("NoSuchFunction");
        assertThat(report.verification().total()).isEqualTo(13);
        assertThat(report.verification().phases().get(0).checks()).allMatch(c -> c.outcome() == Outcome.SKIPPED);
    }

    private RunReport runWithFunction(String function) throws Exception {
        Path example = LocalTestSupport.exampleApp();
        VerifySpec spec = SpecLoader.parse(Files.readString(example.resolve("lambda-verify.yaml")), "lambda-verify.yaml");
        spec = spec.withTarget(spec.target().overriddenBy(new io.jenkins.plugins.lambdaverify.spec.TargetSpec(null,
                function, null, null, null, null, null, null, null, null, null,
                LocalTestSupport.builtTemplate("good").toString(), null, null, null)));
        RunContext ctx = new RunContext(new AwsSettings(null, null, null, null, null, null, null, Map.of(), false, null),
                ProgressListener.NONE, new LocalProcessRunner(), example, Clock.systemUTC(), List.of());
        return new Verification(ctx).run(spec);
    }
}
