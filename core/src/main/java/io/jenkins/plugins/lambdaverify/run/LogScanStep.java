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
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Scans the function's logs for the run's window and gives each failing check the log lines of its request. */
final class LogScanStep {
    private final ProgressListener listener;
    private final SecretMasker masker;

    LogScanStep(ProgressListener listener, SecretMasker masker) {
        this.listener = listener;
        this.masker = masker;
    }

    VerificationResult scan(VerifySpec spec, TargetSession session, VerificationResult result) {
        // The source only when scanning: a CloudWatch Logs client costs start-up time a run without a scan saves.
        LogSource source = spec.logScan().enabled() ? session.logSource() : null;
        if (!spec.logScan().enabled() || source == null || Thread.currentThread().isInterrupted()) {
            return result;
        }
        LogQuery query = session.logQuery(result.startedAt(), result.finishedAt());
        if (query == null) {
            return result;
        }
        Set<String> failingIds = result.phases().stream().flatMap(p -> p.checks().stream())
                .filter(c -> c.outcome() == Outcome.FAILED || c.outcome() == Outcome.ERROR)
                .map(CheckResult::requestId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        LogScanner scanner = LogScanner.forSpec(spec.logScan(), session.runtime());
        LogScanResult scan;
        try {
            listener.info("scanning logs" + (query.logGroup() != null ? " of " + query.logGroup() : ""));
            scan = LogScan.run(source, query, scanner, new LogCorrelator(failingIds));
        } catch (AwsCallException e) {
            // The checks' verdict stands; a scan that cannot run is said, not silently dropped.
            listener.info("warning: log scan skipped: " + masker.maskText(e.getMessage()));
            return result;
        }
        scan.read().warnings().forEach(w -> listener.info("warning: " + w));
        List<LogFinding> findings = scan.findings().stream().map(this::masked).toList();
        if (findings.isEmpty()) {
            findings = List.of(LogScanView.noMatches("no errors in " + scan.scanned() + " log events"));
        }
        listener.info("log scan: " + scan.scanned() + " events, " + findings.stream().filter(LogFinding::failing).count()
                + " failing finding(s)");
        return withCorrelatedLines(result, scan.requestLines()).withFindings(findings);
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
