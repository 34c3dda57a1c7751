package io.jenkins.plugins.lambdaverify.result;

import java.util.List;

/**
 * How the log scan of a verification ended, so that "the logs were clean" can be told from "the logs could not be
 * read". The findings themselves stay in {@link VerificationResult#findings()}.
 *
 * @param state    what happened
 * @param reason   one line: why the scan was skipped or failed (e.g. the denied IAM action), else {@code null}
 * @param action   the AWS action that failed, e.g. {@code logs:FilterLogEvents}, else {@code null}
 * @param required whether the spec requires the scan ({@code logScan.required}): then a failed scan fails the run
 */
public record LogScanStatus(State state, String reason, String action, boolean required) {

    /** What happened to the log scan. */
    public enum State {
        /** The scan read the logs and matched nothing. */
        CLEAN,
        /** The scan read the logs and matched at least one pattern (failing or within its threshold). */
        FOUND,
        /** No scan was attempted: it is off, the target has no logs, or the run never reached the function. */
        SKIPPED,
        /** The scan was attempted and could not read the logs: access denied, log group missing, deadline, ... */
        FAILED
    }

    public LogScanStatus {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
    }

    /** No scan was attempted, with the reason (or {@code null} when unknown, e.g. a report of an older version). */
    public static LogScanStatus skipped(String reason) {
        return new LogScanStatus(State.SKIPPED, reason, null, false);
    }

    /** The scan could not read the logs. */
    public static LogScanStatus failed(String reason, String action, boolean required) {
        return new LogScanStatus(State.FAILED, reason, action, required);
    }

    /** The scan read the logs: clean or found, as the findings say. */
    public static LogScanStatus ran(List<LogFinding> findings, boolean required) {
        return new LogScanStatus(findings.stream().anyMatch(f -> f.count() > 0) ? State.FOUND : State.CLEAN, null,
                null, required);
    }

    /**
     * What the findings alone tell (results built without a status, reports written before the status existed): no
     * findings means no scan; else it ran.
     */
    public static LogScanStatus fromFindings(List<LogFinding> findings) {
        return findings == null || findings.isEmpty() ? skipped(null) : ran(findings, false);
    }

    /** Whether the scan was attempted and could not read the logs. */
    public boolean failed() {
        return state == State.FAILED;
    }

    /** Whether this status alone fails the run: a required scan that could not read the logs. */
    public boolean failsRun() {
        return failed() && required;
    }
}
