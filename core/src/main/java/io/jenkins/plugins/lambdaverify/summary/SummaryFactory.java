package io.jenkins.plugins.lambdaverify.summary;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.util.List;

/** Turns the engine's {@link RunReport} into the plain {@link VerificationSummary} a CI server keeps. */
public final class SummaryFactory {
    private SummaryFactory() {}

    /**
     * @param id          unique within the build, stable across builds (Jenkins: the step's flow node id, or
     *                    {@code publisher})
     * @param report      the run, as {@code Verification.run} returned it or the JSON report reader read it back
     * @param reportFiles workspace-relative paths of the written reports
     */
    public static VerificationSummary summarize(String id, RunReport report, List<String> reportFiles) {
        VerificationResult v = report.verification();
        List<CheckResult> checks =
                v.phases().stream().flatMap(p -> p.checks().stream()).toList();
        List<VerificationSummary.Phase> phases =
                v.phases().stream().map(SummaryFactory::phase).toList();
        List<VerificationSummary.Check> problems = checks.stream()
                .filter(c -> c.outcome() == Outcome.FAILED || c.outcome() == Outcome.ERROR)
                .map(SummaryFactory::check)
                .toList();
        List<VerificationSummary.Finding> findings =
                v.findings().stream().map(SummaryFactory::finding).toList();
        int coldStarts = (int) checks.stream().filter(CheckResult::coldStart).count();
        return new VerificationSummary(
                id,
                v.target(),
                report.passed(),
                (int) v.total(),
                (int) v.count(Outcome.PASSED),
                (int) v.count(Outcome.FAILED),
                (int) v.count(Outcome.ERROR),
                (int) v.count(Outcome.SKIPPED),
                (int) v.failingFindings(),
                v.duration().toMillis(),
                p95LatencyMillis(checks),
                coldStarts,
                v.termination().name(),
                v.infrastructureError(),
                phases,
                problems,
                findings,
                rollback(report.rollback()),
                reportFiles)
                .withLogScan(
                        v.logScan().state().name().toLowerCase(java.util.Locale.ROOT),
                        v.logScan().failed() ? v.logScan().reason() : null);
    }

    /** Nearest-rank 95th percentile of the latencies of the checks that ran; 0 when none ran. */
    public static long p95LatencyMillis(List<CheckResult> checks) {
        long[] latencies = checks.stream()
                .filter(c -> c.outcome() != Outcome.SKIPPED)
                .mapToLong(c -> c.latency().toMillis())
                .sorted()
                .toArray();
        if (latencies.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(0.95 * latencies.length);
        return latencies[rank - 1];
    }

    private static VerificationSummary.Phase phase(PhaseResult p) {
        return new VerificationSummary.Phase(
                p.name(),
                (int) p.count(Outcome.PASSED),
                (int) p.count(Outcome.FAILED),
                (int) p.count(Outcome.ERROR),
                (int) p.count(Outcome.SKIPPED),
                p.duration().toMillis());
    }

    private static VerificationSummary.Check check(CheckResult c) {
        return new VerificationSummary.Check(
                c.phase(),
                c.name(),
                c.outcome().name(),
                c.expectation(),
                c.failures(),
                c.errorMessage(),
                c.statusCode(),
                c.responseExcerpt(),
                c.latency().toMillis(),
                c.requestId(),
                c.logLines());
    }

    private static VerificationSummary.Finding finding(LogFinding f) {
        return new VerificationSummary.Finding(f.pattern(), f.signature(), f.count(), f.threshold(), f.samples());
    }

    private static VerificationSummary.Rollback rollback(RollbackOutcome r) {
        if (r == null) {
            return null;
        }
        return new VerificationSummary.Rollback(
                r.strategy(), r.status().name(), r.reason(), r.fromVersion(), r.toVersion(), r.output());
    }
}
