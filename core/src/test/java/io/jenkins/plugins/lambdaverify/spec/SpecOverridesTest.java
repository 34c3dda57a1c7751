package io.jenkins.plugins.lambdaverify.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Flags and step parameters over the file, the same for every front end. */
class SpecOverridesTest {
    private static final VerifySpec FILE = SpecLoader.parse("""
            target: {function: ApiFunction, stack: orders, logicalId: ApiFunction, region: eu-west-1}
            execution: {concurrency: 4, timeout: 5s, stopOnFailure: true}
            logScan: {patterns: [ModuleNotFoundError]}
            rollback: {strategy: alias, previousVersion: "6", dryRun: true}
            checks: [GET /health]
            """, "lambda-verify.yaml");

    @Test
    void nothingSetKeepsTheFile() {
        VerifySpec s = new SpecOverrides(null, null, null, null, null, false, false, List.of(), null, null, null, false)
                .applyTo(FILE);
        assertThat(s).isEqualTo(FILE);
    }

    @Test
    void setValuesWinAndTheCapBoundsConcurrency() {
        VerifySpec s = new SpecOverrides(new TargetSpec(null, "orders-api-fn", "live", null, null, null, null, null,
                null, null, null, null, null, null, null), 16, 2, Duration.ofSeconds(9), Duration.ofMinutes(1), false,
                true, List.of(new LogPatternSpec("oom", "Runtime.OutOfMemory", 0)), RollbackSpec.Strategy.SAM, "7",
                "prev.json", false).applyTo(FILE);

        assertThat(s.target().function()).isEqualTo("orders-api-fn");
        assertThat(s.target().stack()).as("a flag naming the function replaces the file's stack lookup").isNull();
        assertThat(s.target().region()).isEqualTo("eu-west-1");
        assertThat(s.execution()).isEqualTo(new ExecutionSpec(2, Duration.ofSeconds(9), Duration.ofMinutes(1), true));
        assertThat(s.logScan().enabled()).isFalse();
        assertThat(s.logScan().patterns()).extracting(LogPatternSpec::name).containsExactly("ModuleNotFoundError", "oom");
        assertThat(s.rollback().strategy()).isEqualTo(RollbackSpec.Strategy.SAM);
        assertThat(s.rollback().previousVersion()).isEqualTo("7");
        assertThat(s.rollback().previousReport()).isEqualTo("prev.json");
        assertThat(s.rollback().dryRun()).as("a flag never clears the file's dry run").isTrue();
    }
}
