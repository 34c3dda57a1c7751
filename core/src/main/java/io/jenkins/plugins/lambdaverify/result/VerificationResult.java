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
 */
public record VerificationResult(String target, Instant startedAt, Instant finishedAt, List<PhaseResult> phases,
                                 List<LogFinding> findings, Termination termination, String infrastructureError) {
    public VerificationResult {
        phases = List.copyOf(phases);
        findings = findings == null ? List.of() : List.copyOf(findings);
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

    /** Passed: no failed or errored check, no failing log finding, no infrastructure error, not cut short. */
    public boolean passed() {
        return count(Outcome.FAILED) == 0 && count(Outcome.ERROR) == 0 && failingFindings() == 0
                && infrastructureError == null && termination == Termination.COMPLETED;
    }

    public VerificationResult withFindings(List<LogFinding> newFindings) {
        return new VerificationResult(target, startedAt, finishedAt, phases, newFindings, termination,
                infrastructureError);
    }

    public VerificationResult withPhases(List<PhaseResult> newPhases) {
        return new VerificationResult(target, startedAt, finishedAt, newPhases, findings, termination,
                infrastructureError);
    }
}
