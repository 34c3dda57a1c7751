package io.jenkins.plugins.lambdaverify.spec;

import java.util.List;

/**
 * A whole, validated verification spec: what {@code lambda-verify.yaml} plus step parameters or flags describe.
 *
 * @param target    what to verify
 * @param execution how checks run
 * @param phases    the phases, in order, never empty
 * @param logScan   the log scan
 * @param rollback  what to do when verification fails
 * @param source    the file it came from, or {@code null} when inline
 */
public record VerifySpec(TargetSpec target, ExecutionSpec execution, List<PhaseSpec> phases, LogScanSpec logScan,
                         RollbackSpec rollback, String source) {
    public VerifySpec {
        phases = List.copyOf(phases);
    }

    public VerifySpec withExecution(ExecutionSpec newExecution) {
        return new VerifySpec(target, newExecution, phases, logScan, rollback, source);
    }

    public VerifySpec withPhases(List<PhaseSpec> newPhases) {
        return new VerifySpec(target, execution, newPhases, logScan, rollback, source);
    }

    public VerifySpec withLogScan(LogScanSpec newLogScan) {
        return new VerifySpec(target, execution, phases, newLogScan, rollback, source);
    }

    public VerifySpec withRollback(RollbackSpec newRollback) {
        return new VerifySpec(target, execution, phases, logScan, newRollback, source);
    }

    public int checkCount() {
        return phases.stream().mapToInt(p -> p.checks().size()).sum();
    }

    public VerifySpec withTarget(TargetSpec newTarget) {
        return new VerifySpec(newTarget, execution, phases, logScan, rollback, source);
    }
}
