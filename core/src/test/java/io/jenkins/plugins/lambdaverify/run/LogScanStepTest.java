package io.jenkins.plugins.lambdaverify.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.aws.AwsCallException;
import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.invoke.Invoker;
import io.jenkins.plugins.lambdaverify.logs.LogEvent;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogReadStats;
import io.jenkins.plugins.lambdaverify.logs.LogSource;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogScanStatus;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.rollback.AliasRollback;
import io.jenkins.plugins.lambdaverify.rollback.AliasState;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LogScanStepTest {
    /** A session whose log source must not be asked for: building it (a CloudWatch Logs client) costs start-up. */
    private static final class NoLogsSession implements TargetSession {
        int logSourceCalls;

        public TargetInfo info() {
            return TargetInfo.described("test");
        }

        public Invoker invoker() {
            return null;
        }

        public Duration defaultTimeout() {
            return Duration.ofSeconds(30);
        }

        public String runtime() {
            return "python3.12";
        }

        public LogSource logSource() {
            logSourceCalls++;
            throw new AssertionError("the log source was built although logScan is off");
        }

        public LogQuery logQuery(Instant started, Instant finished) {
            return null;
        }

        public AliasRollback aliasRollback() {
            return null;
        }

        public AliasState aliasState() {
            return null;
        }

        public void close() {
        }
    }

    @Test
    void aRunWithoutALogScanNeverBuildsTheLogSource() {
        VerifySpec spec = SpecLoader.parse("""
                version: 1
                target: {mode: lambda, function: orders}
                logScan: false
                phases:
                  - name: p
                    checks: [GET /health]
                """, "spec.yaml");
        VerificationResult result = new VerificationResult("test", Instant.EPOCH, Instant.EPOCH, List.of(), List.of(),
                Termination.COMPLETED, null);
        NoLogsSession session = new NoLogsSession();
        VerificationResult scanned = new LogScanStep(new ProgressListener() { }, SecretMasker.defaults())
                .scan(spec, session, result);
        assertThat(session.logSourceCalls).isZero();
        assertThat(scanned.findings()).isEmpty();
        assertThat(scanned.logScan()).isEqualTo(LogScanStatus.skipped(LogScanStep.OFF));
        assertThat(scanned.passed()).isTrue();
    }

    /** A session with CloudWatch-like logs that come from {@code source} (or none, like an http target). */
    private record LogsSession(LogSource source) implements TargetSession {
        public TargetInfo info() {
            return TargetInfo.described("test");
        }

        public Invoker invoker() {
            return null;
        }

        public Duration defaultTimeout() {
            return Duration.ofSeconds(30);
        }

        public String runtime() {
            return "python3.12";
        }

        public LogSource logSource() {
            return source;
        }

        public LogQuery logQuery(Instant started, Instant finished) {
            return source == null ? null : new LogQuery("/aws/lambda/orders", started, finished, Set.of("7"), null);
        }

        public void close() {
        }
    }

    private static VerifySpec spec(String logScan) {
        return SpecLoader.parse("""
                version: 1
                target: {mode: lambda, function: orders}
                logScan: %s
                phases:
                  - name: p
                    checks: [GET /health]
                """.formatted(logScan), "spec.yaml");
    }

    private static VerificationResult passedChecks() {
        CheckResult ok = new CheckResult("p", "GET /health", "GET", "/health", "status 200", Outcome.PASSED, List.of(),
                null, 200, null, Duration.ofMillis(5), null, "req-1", "7", List.of());
        return new VerificationResult("test", Instant.EPOCH, Instant.EPOCH.plusSeconds(1),
                List.of(new PhaseResult("p", List.of(ok), Duration.ofMillis(5))), List.of(), Termination.COMPLETED,
                null);
    }

    private static ProgressListener recording(List<String> lines) {
        return new ProgressListener() {
            @Override
            public void info(String message) {
                lines.add(message);
            }
        };
    }

    private static final AwsCallException DENIED = new AwsCallException(AwsCallException.Kind.ACCESS_DENIED,
            "logs:FilterLogEvents", "AccessDeniedException", "logs:FilterLogEvents denied on /aws/lambda/orders: add "
            + "logs:FilterLogEvents to the role's IAM policy", null);

    @Test
    void aDeniedScanIsRecordedAsFailedWithTheActionAndTheChecksVerdictStands() {
        List<String> progress = new ArrayList<>();
        VerificationResult scanned = new LogScanStep(recording(progress), SecretMasker.defaults()).scan(spec("{}"),
                new LogsSession((q, sink) -> {
                    throw DENIED;
                }), passedChecks());

        assertThat(scanned.logScan().state()).isEqualTo(LogScanStatus.State.FAILED);
        assertThat(scanned.logScan().action()).isEqualTo("logs:FilterLogEvents");
        assertThat(scanned.logScan().reason()).isEqualTo(DENIED.getMessage());
        assertThat(scanned.logScan().required()).isFalse();
        assertThat(scanned.findings()).isEmpty();
        assertThat(scanned.passed()).isTrue();
        assertThat(progress).anySatisfy(line -> assertThat(line)
                .startsWith("warning: log scan could not run: logs:FilterLogEvents denied"));
    }

    @Test
    void aRequiredScanThatCannotReadTheLogsFailsTheRunButNotTheDeployment() {
        VerificationResult scanned = new LogScanStep(ProgressListener.NONE, SecretMasker.defaults()).scan(spec("{required: true}"),
                new LogsSession((q, sink) -> {
                    throw DENIED;
                }), passedChecks());

        assertThat(scanned.logScan()).isEqualTo(LogScanStatus.failed(DENIED.getMessage(), "logs:FilterLogEvents", true));
        assertThat(scanned.passed()).isFalse();
        assertThat(scanned.deploymentPassed()).isTrue();
    }

    @Test
    void aLogGroupThatDoesNotExistIsAFailedScanNotACleanOne() {
        VerificationResult scanned = new LogScanStep(ProgressListener.NONE, SecretMasker.defaults()).scan(spec("{}"),
                new LogsSession((q, sink) -> new LogReadStats(0, 0, 1, true, false, List.of(),
                        "log group /aws/lambda/orders does not exist")), passedChecks());

        assertThat(scanned.logScan()).isEqualTo(LogScanStatus.failed("log group /aws/lambda/orders does not exist",
                null, false));
        assertThat(scanned.findings()).isEmpty();
    }

    @Test
    void aScanThatReadTheLogsIsCleanOrFound() {
        VerificationResult clean = new LogScanStep(ProgressListener.NONE, SecretMasker.defaults()).scan(spec("{}"),
                new LogsSession((q, sink) -> {
                    sink.accept(new LogEvent(Instant.EPOCH, "2026/11/28/[7]abc", "INFO ok"));
                    return new LogReadStats(1, 0, 1, true, false, List.of());
                }), passedChecks());
        VerificationResult found = new LogScanStep(ProgressListener.NONE, SecretMasker.defaults()).scan(spec("{}"),
                new LogsSession((q, sink) -> {
                    sink.accept(new LogEvent(Instant.EPOCH, "2026/11/28/[7]abc",
                            "[ERROR] ModuleNotFoundError: No module named 'src'"));
                    return new LogReadStats(1, 0, 1, true, false, List.of());
                }), passedChecks());

        assertThat(clean.logScan().state()).isEqualTo(LogScanStatus.State.CLEAN);
        assertThat(clean.passed()).isTrue();
        assertThat(found.logScan().state()).isEqualTo(LogScanStatus.State.FOUND);
        assertThat(found.passed()).isFalse();
    }

    @Test
    void aTargetWithoutLogsIsSkippedUnlessTheScanIsRequired() {
        VerificationResult optional = new LogScanStep(ProgressListener.NONE, SecretMasker.defaults()).scan(spec("{}"),
                new LogsSession(null), passedChecks());
        VerificationResult required = new LogScanStep(ProgressListener.NONE, SecretMasker.defaults()).scan(spec("{required: true}"),
                new LogsSession(null), passedChecks());

        assertThat(optional.logScan()).isEqualTo(LogScanStatus.skipped(LogScanStep.NO_LOGS));
        assertThat(optional.passed()).isTrue();
        assertThat(required.logScan()).isEqualTo(LogScanStatus.failed(LogScanStep.NO_LOGS, null, true));
        assertThat(required.passed()).isFalse();
    }
}
