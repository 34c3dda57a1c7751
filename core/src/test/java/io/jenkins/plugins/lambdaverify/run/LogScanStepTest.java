package io.jenkins.plugins.lambdaverify.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.engine.ProgressListener;
import io.jenkins.plugins.lambdaverify.invoke.Invoker;
import io.jenkins.plugins.lambdaverify.logs.LogQuery;
import io.jenkins.plugins.lambdaverify.logs.LogSource;
import io.jenkins.plugins.lambdaverify.report.SecretMasker;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import io.jenkins.plugins.lambdaverify.rollback.AliasRollback;
import io.jenkins.plugins.lambdaverify.rollback.AliasState;
import io.jenkins.plugins.lambdaverify.spec.SpecLoader;
import io.jenkins.plugins.lambdaverify.spec.VerifySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        assertThat(new LogScanStep(new ProgressListener() { }, SecretMasker.defaults()).scan(spec, session, result))
                .isSameAs(result);
        assertThat(session.logSourceCalls).isZero();
    }
}
