package io.jenkins.plugins.lambdaverify.run;

import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.logs.LogCorrelator;
import io.jenkins.plugins.lambdaverify.logs.LogEvent;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogScan;
import io.jenkins.plugins.lambdaverify.logs.LogScanResult;
import io.jenkins.plugins.lambdaverify.logs.LogScanner;
import io.jenkins.plugins.lambdaverify.logs.LogSource;
import io.jenkins.plugins.lambdaverify.report.LogScanView;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.LogScanStatus;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.spec.LogScanSpec;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scans the function's logs for the run's window and gives each failing check the log lines of its request. Records
 * how the scan ended ({@link LogScanStatus}): a scan that could not read the logs is never reported as clean.
 */
final class LogScanStep {
    static final String OFF = "the log scan is off (logScan: false or --no-log-scan)";
    static final String NO_LOGS = "this target has no logs to read (mode http): use mode lambda or local to scan them";
    static final String ABORTED = "the run was aborted before the log scan";

    private final ProgressListener listener;
    private final SecretMasker masker;

    LogScanStep(ProgressListener listener, SecretMasker masker) {
        this.listener = listener;
        this.masker = masker;
    }

    VerificationResult scan(VerifySpec spec, TargetSession session, VerificationResult result) {
        LogScanSpec logScan = spec.logScan();
        if (!logScan.enabled()) {
            return result.withLogScan(List.of(), LogScanStatus.skipped(OFF));
        }
        if (Thread.currentThread().isInterrupted()) {
            return result.withLogScan(List.of(), LogScanStatus.skipped(ABORTED));
        }
        // The source only when scanning: a CloudWatch Logs client costs start-up time a run without a scan saves.
        LogSource source = session.logSource();
        LogQuery query = source == null ? null : session.logQuery(result.startedAt(), result.finishedAt());
        if (query == null) {
            // A required scan the target cannot give is a scan that could not run, not one nobody asked for.
            return logScan.required() ? failed(spec, result, NO_LOGS, null)
                    : result.withLogScan(List.of(), LogScanStatus.skipped(NO_LOGS));
        }
        Set<String> failingIds = result.phases().stream().flatMap(p -> p.checks().stream())
                .filter(c -> c.outcome() == Outcome.FAILED || c.outcome() == Outcome.ERROR)
                .map(CheckResult::requestId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        LogScanner scanner = LogScanner.forSpec(logScan, session.runtime());
        LogScanResult scan;
        try {
            listener.info("scanning logs" + (query.logGroup() != null ? " of " + query.logGroup() : ""));
            scan = LogScan.run(source, query, scanner, new LogCorrelator(failingIds));
        } catch (AwsCallException e) {
            // The checks' verdict stands (unless the scan is required); a scan that cannot run is said, never dropped.
            return failed(spec, result, e.getMessage(), e.action());
        }
        if (scan.read().unreadable() != null) {
            return failed(spec, result, scan.read().unreadable(), null);
        }
        scan.read().warnings().forEach(w -> listener.info("warning: " + masker.maskText(w)));
        List<LogFinding> findings = scan.findings().stream().map(this::masked).toList();
        if (findings.isEmpty()) {
            findings = List.of(LogScanView.noMatches("no errors in " + scan.scanned() + " log events"));
        }
        listener.info("log scan: " + scan.scanned() + " events, " + findings.stream().filter(LogFinding::failing).count()
                + " failing finding(s)");
        return withCorrelatedLines(result, scan.requestLines())
                .withLogScan(findings, LogScanStatus.ran(findings, logScan.required()));
    }

    /**
     * The result with a scan that could not read the logs: no findings (nothing was read), the masked reason, and
     * the denied action when AWS named one. Said on the progress too.
     */
    VerificationResult failed(VerifySpec spec, VerificationResult result, String reason, String action) {
        String masked = masker.maskText(reason);
        boolean required = spec.logScan().required();
        listener.info((required ? "error" : "warning") + ": log scan could not run: " + masked
                + (required ? " (logScan.required: the run fails)" : " (the checks' verdict stands)"));
        return result.withLogScan(List.of(), LogScanStatus.failed(masked, action, required));
    }

    private LogFinding masked(LogFinding f) {
        return new LogFinding(f.pattern(), masker.maskText(f.signature()), f.count(), f.threshold(), f.firstSeen(),
                f.lastSeen(), f.stream(), masker.maskLines(f.samples()));
    }

    private VerificationResult withCorrelatedLines(VerificationResult result, Map<String, List<LogEvent>> lines) {
        if (lines.isEmpty()) {
            return result;
        }
        List<PhaseResult> phases = result.phases().stream().map(p -> new PhaseResult(p.name(),
                p.checks().stream().map(c -> {
                    List<LogEvent> own = c.requestId() == null ? null : lines.get(c.requestId());
                    // The request's own lines from the log group are complete; the invoke's tail is only 4 KB.
                    return own == null || own.isEmpty() ? c
                            : c.withLogLines(masker.maskLines(own.stream().map(LogEvent::message).toList()));
                }).toList(), p.duration())).toList();
        return result.withPhases(phases);
    }
}
