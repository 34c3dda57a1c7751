package io.jenkins.plugins.lambdaverify.result;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything one verification run found. Plain data: front ends persist it, reporters render it.
 *
 * @param target       what was verified, e.g. {@code lambda:my-fn:live (eu-west-1)}
 * @param startedAt    when the first check started
 * @param finishedAt   when the run ended
 * @param phases       the phases in order
 * @param findings     log scan findings (empty when no scan ran)
 * @param termination  how the run ended
 * @param infrastructureError a one-line cause when the run could not reach the function at all, else {@code null}
 * @param logScan      how the log scan ended (clean, found, skipped, failed); {@code null} derives it from the
 *                     findings ({@link LogScanStatus#fromFindings})
 */
public record VerificationResult(String target, Instant startedAt, Instant finishedAt, List<PhaseResult> phases,
                                 List<LogFinding> findings, Termination termination, String infrastructureError,
                                 LogScanStatus logScan) {
    public VerificationResult {
        phases = List.copyOf(phases);
        findings = findings == null ? List.of() : List.copyOf(findings);
        logScan = logScan == null ? LogScanStatus.fromFindings(findings) : logScan;
    }

    /** Without a log scan status: it is derived from the findings (none: no scan ran). */
    public VerificationResult(String target, Instant startedAt, Instant finishedAt, List<PhaseResult> phases,
                              List<LogFinding> findings, Termination termination, String infrastructureError) {
        this(target, startedAt, finishedAt, phases, findings, termination, infrastructureError, null);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }

    public long count(Outcome outcome) {
        return phases.stream().mapToLong(p -> p.count(outcome)).sum();
    }

    public long total() {
        return phases.stream().mapToLong(p -> p.checks().size()).sum();
    }

    public long failingFindings() {
        return findings.stream().filter(LogFinding::failing).count();
    }

    /**
     * Passed: no failed or errored check, no failing log finding, no infrastructure error, not cut short, and no
     * required log scan that could not read the logs. A scan that is not required and failed leaves the verdict to
     * the checks: the function works, the reports say the logs went unread.
     */
    public boolean passed() {
        return deploymentPassed() && !logScan.failsRun();
    }

    /**
     * What the checks and the log findings say about the deployment, leaving out whether the log scan could read
     * the logs: a rollback needs this to fail, since an unreadable log shows nothing broken.
     */
    public boolean deploymentPassed() {
        return count(Outcome.FAILED) == 0 && count(Outcome.ERROR) == 0 && failingFindings() == 0
                && infrastructureError == null && termination == Termination.COMPLETED;
    }

    /** With these findings, the log scan status derived from them. */
    public VerificationResult withFindings(List<LogFinding> newFindings) {
        return withLogScan(newFindings, null);
    }

    /** With these findings and this log scan status ({@code null}: derived from the findings). */
    public VerificationResult withLogScan(List<LogFinding> newFindings, LogScanStatus status) {
        return new VerificationResult(target, startedAt, finishedAt, phases, newFindings, termination,
                infrastructureError, status);
    }

    public VerificationResult withPhases(List<PhaseResult> newPhases) {
        return new VerificationResult(target, startedAt, finishedAt, newPhases, findings, termination,
                infrastructureError, logScan);
    }
}
