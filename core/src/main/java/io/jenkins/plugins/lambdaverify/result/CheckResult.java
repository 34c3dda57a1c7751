package io.jenkins.plugins.lambdaverify.result;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of one check, with everything a reader needs to see why, already masked of secrets.
 *
 * @param phase            the phase name
 * @param name             readable name, e.g. {@code GET /api/v1/providers -> 401|307}
 * @param method           request method
 * @param path             request path with query string, secrets masked
 * @param expectation      the expectation in words, e.g. {@code status 401|307}
 * @param outcome          passed, failed, error or skipped
 * @param failures         each unmet expectation as a sentence (empty unless FAILED)
 * @param errorMessage     why there was no answer (ERROR), or why skipped (SKIPPED); else {@code null}
 * @param statusCode       the response status, {@code null} when none
 * @param responseExcerpt  the start of the response body (or function error), secrets masked; may be {@code null}
 * @param latency          wall time of the invocation; {@link Duration#ZERO} when not run
 * @param initDurationMs   cold-start init duration, {@code null} when warm or unknown
 * @param requestId        the Lambda request id, may be {@code null}
 * @param executedVersion  the version that ran, may be {@code null}
 * @param logLines         the log lines of this request (tail or correlated), masked; may be empty
 */
public record CheckResult(String phase, String name, String method, String path, String expectation,
                          Outcome outcome, List<String> failures, String errorMessage, Integer statusCode,
                          String responseExcerpt, Duration latency, Double initDurationMs, String requestId,
                          String executedVersion, List<String> logLines) {
    public CheckResult {
        failures = failures == null ? List.of() : List.copyOf(failures);
        logLines = logLines == null ? List.of() : List.copyOf(logLines);
        latency = latency == null ? Duration.ZERO : latency;
    }

    public boolean coldStart() {
        return initDurationMs != null;
    }

    /** The same result with other log lines (log correlation happens after the check ran). */
    public CheckResult withLogLines(List<String> lines) {
        return new CheckResult(phase, name, method, path, expectation, outcome, failures, errorMessage, statusCode,
                responseExcerpt, latency, initDurationMs, requestId, executedVersion, lines);
    }
}
