package io.jenkins.plugins.lambdaverify.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SummaryFactoryTest {
    private static final Instant START = Instant.parse("2026-08-01T10:00:00Z");

    @Test
    void countsPhasesProblemsFindingsAndRollback() {
        PhaseResult publicPhase = new PhaseResult(
                "public",
                List.of(
                        check("public", "GET /health -> 200", Outcome.PASSED, 200, 40, null),
                        check("public", "GET /api/v1/providers -> 401|307", Outcome.FAILED, 500, 120, 850.0)),
                Duration.ofMillis(130));
        PhaseResult errors = new PhaseResult(
                "errors",
                List.of(
                        check("errors", "GET /nope -> 404", Outcome.ERROR, null, 0, null),
                        check("errors", "GET /later -> 404", Outcome.SKIPPED, null, 0, null)),
                Duration.ofMillis(10));
        LogFinding finding = new LogFinding(
                "ModuleNotFoundError",
                "No module named 'src.api.v1.providers'",
                3,
                0,
                START,
                START.plusSeconds(1),
                "2026/08/01/[$LATEST]abc",
                List.of("ModuleNotFoundError: ..."));
        VerificationResult verification = new VerificationResult(
                "lambda:orders-api:live",
                START,
                START.plusMillis(2500),
                List.of(publicPhase, errors),
                List.of(finding),
                Termination.COMPLETED,
                null);
        RollbackOutcome rollback = new RollbackOutcome(
                "alias", RollbackOutcome.Status.DONE, "live moved back to 41", "42", "41", List.of());
        RunReport report = new RunReport(TargetInfo.described("lambda:orders-api:live"), verification, rollback, null);

        VerificationSummary s = SummaryFactory.summarize("7", report, List.of("lambda-verify/7/junit.xml"));

        assertThat(s.isPassed()).isFalse();
        assertThat(s.getTotal()).isEqualTo(4);
        assertThat(s.getPassedCount()).isEqualTo(1);
        assertThat(s.getFailed()).isEqualTo(1);
        assertThat(s.getErrors()).isEqualTo(1);
        assertThat(s.getSkipped()).isEqualTo(1);
        assertThat(s.getFailingFindings()).isEqualTo(1);
        assertThat(s.getColdStarts()).isEqualTo(1);
        assertThat(s.getDurationMillis()).isEqualTo(2500);
        assertThat(s.getPhases()).extracting(VerificationSummary.Phase::getName).containsExactly("public", "errors");
        assertThat(s.getPhases().get(0).isOk()).isFalse();
        assertThat(s.getProblems())
                .extracting(VerificationSummary.Check::getOutcome)
                .containsExactly("FAILED", "ERROR");
        VerificationSummary.Check failed = s.getProblems().get(0);
        assertThat(failed.getStatusCode()).isEqualTo(500);
        assertThat(failed.getResponseExcerpt()).isEqualTo("excerpt of GET /api/v1/providers -> 401|307");
        assertThat(failed.getLogLines()).containsExactly("log line of GET /api/v1/providers -> 401|307");
        assertThat(s.isRolledBack()).isTrue();
        assertThat(s.getRollback().getToVersion()).isEqualTo("41");
        assertThat(s.getReportFiles()).containsExactly("lambda-verify/7/junit.xml");
        assertThat(s.toMap())
                .containsEntry("passed", false)
                .containsEntry("failed", 1)
                .containsEntry("rolledBack", true)
                .containsEntry("findings", 1);
    }

    @Test
    void p95IsTheNearestRankOverChecksThatRan() {
        List<CheckResult> checks = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(i -> checks.add(check("p", "c" + i, Outcome.PASSED, 200, i * 10, null)));
        checks.add(check("p", "skipped", Outcome.SKIPPED, null, 99_999, null));

        // 20 latencies 10..200 ms: rank ceil(0.95 * 20) = 19 -> 190 ms; the skipped check does not count.
        assertThat(SummaryFactory.p95LatencyMillis(checks)).isEqualTo(190);
    }

    @Test
    void p95OfNothingIsZero() {
        assertThat(SummaryFactory.p95LatencyMillis(List.of())).isZero();
    }

    private static CheckResult check(
            String phase, String name, Outcome outcome, Integer status, long millis, Double init) {
        boolean problem = outcome == Outcome.FAILED || outcome == Outcome.ERROR;
        return new CheckResult(
                phase,
                name,
                "GET",
                "/",
                "status 200",
                outcome,
                outcome == Outcome.FAILED ? List.of("status was " + status) : List.of(),
                outcome == Outcome.ERROR ? "connection refused" : null,
                status,
                problem ? "excerpt of " + name : null,
                Duration.ofMillis(millis),
                init,
                "req-" + name,
                "42",
                problem ? List.of("log line of " + name) : List.of());
    }
}
