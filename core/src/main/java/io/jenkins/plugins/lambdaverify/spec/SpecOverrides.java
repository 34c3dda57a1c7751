package io.jenkins.plugins.lambdaverify.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a front end sets on top of the config file: CLI flags or Jenkins step parameters. One place applies them,
 * so both front ends follow the same precedence (docs/config-reference.md). Unset values are {@code null}
 * (or {@code false}, or empty).
 *
 * @param target           target overrides; one that names the function replaces the file's other lookup
 * @param concurrency      checks in flight at once
 * @param concurrencyCap   an upper bound on concurrency whatever the file or flags say (Jenkins' global cap)
 * @param checkTimeout     per-check timeout
 * @param deadline         the run's deadline
 * @param stopOnFailure    set stopOnFailure (never clears the file's)
 * @param disableLogScan   turn the log scan off
 * @param extraPatterns    log patterns added to the file's
 * @param rollbackStrategy rollback strategy
 * @param previousVersion  alias rollback: the version to go back to
 * @param previousReport   the previous successful run's report
 * @param dryRun           set the rollback's dry run (never clears the file's)
 */
public record SpecOverrides(TargetSpec target, Integer concurrency, Integer concurrencyCap, Duration checkTimeout,
                            Duration deadline, boolean stopOnFailure, boolean disableLogScan,
                            List<LogPatternSpec> extraPatterns, RollbackSpec.Strategy rollbackStrategy,
                            String previousVersion, String previousReport, boolean dryRun) {
    public SpecOverrides {
        target = target == null ? TargetSpec.empty() : target;
        extraPatterns = extraPatterns == null ? List.of() : List.copyOf(extraPatterns);
    }

    public VerifySpec applyTo(VerifySpec spec) {
        VerifySpec s = spec.withTarget(spec.target().overriddenWithLookupBy(target));
        ExecutionSpec e = s.execution();
        int threads = concurrency != null ? concurrency : e.concurrency();
        if (concurrencyCap != null && concurrencyCap > 0) {
            threads = Math.min(threads, concurrencyCap);
        }
        s = s.withExecution(new ExecutionSpec(Math.max(1, threads),
                checkTimeout != null ? checkTimeout : e.checkTimeout(), deadline != null ? deadline : e.deadline(),
                stopOnFailure || e.stopOnFailure()));
        LogScanSpec l = s.logScan();
        if (disableLogScan || !extraPatterns.isEmpty()) {
            List<LogPatternSpec> patterns = new ArrayList<>(l.patterns());
            patterns.addAll(extraPatterns);
            s = s.withLogScan(new LogScanSpec(l.enabled() && !disableLogScan, l.useDefaults(), patterns, l.ignore(),
                    l.settle(), l.quietPeriod(), l.logGroup(), l.required()));
        }
        RollbackSpec r = s.rollback();
        return s.withRollback(new RollbackSpec(rollbackStrategy != null ? rollbackStrategy : r.strategy(),
                previousVersion != null ? previousVersion : r.previousVersion(),
                previousReport != null ? previousReport : r.previousReport(), dryRun || r.dryRun(), r.reverify(),
                r.timeout(), r.sam(), r.command()));
    }
}
