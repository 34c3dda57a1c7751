package io.jenkins.plugins.lambdaverify.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.lambdaverify.report.JsonReportReader;
import io.jenkins.plugins.lambdaverify.report.JsonReportWriter;
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
        VerificationSummary s = SummaryFactory.summarize("7", incident(), List.of("lambda-verify/7/junit.xml"));

        assertThat(s.getId()).isEqualTo("7");
        assertThat(s.getTarget()).isEqualTo("lambda:orders-api:live");
        assertThat(s.isPassed()).isFalse();
        assertThat(s.getTotal()).isEqualTo(4);
        assertThat(s.getPassedCount()).isEqualTo(1);
        assertThat(s.getFailed()).isEqualTo(1);
        assertThat(s.getErrors()).isEqualTo(1);
        assertThat(s.getSkipped()).isEqualTo(1);
        assertThat(s.getFailingFindings()).isEqualTo(1);
        assertThat(s.getColdStarts()).isEqualTo(1);
        assertThat(s.getDurationMillis()).isEqualTo(2500);
        assertThat(s.getTermination()).isEqualTo("COMPLETED");
        assertThat(s.getPhases()).extracting(VerificationSummary.Phase::getName).containsExactly("public", "errors");
        assertThat(s.getPhases().get(0).isOk()).isFalse();
        assertThat(s.getPhases().get(0).getDurationMillis()).isEqualTo(130);
        assertThat(s.getProblems())
                .extracting(VerificationSummary.Check::getOutcome)
                .containsExactly("FAILED", "ERROR");
        VerificationSummary.Check failed = s.getProblems().get(0);
        assertThat(failed.getPhase()).isEqualTo("public");
        assertThat(failed.getStatusCode()).isEqualTo(500);
        assertThat(failed.getFailures()).containsExactly("status was 500");
        assertThat(failed.getResponseExcerpt()).isEqualTo("excerpt of GET /api/v1/providers -> 401|307");
        assertThat(failed.getLogLines()).containsExactly("log line of GET /api/v1/providers -> 401|307");
        assertThat(failed.getRequestId()).isEqualTo("req-GET /api/v1/providers -> 401|307");
        assertThat(s.getProblems().get(1).getErrorMessage()).isEqualTo("connection refused");
        assertThat(s.getFindings()).singleElement().satisfies(f -> {
            assertThat(f.getPattern()).isEqualTo("ModuleNotFoundError");
            assertThat(f.getSignature()).isEqualTo("No module named 'src.api.v1.providers'");
            assertThat(f.isFailing()).isTrue();
        });
        assertThat(s.isRolledBack()).isTrue();
        assertThat(s.getRollback().getFromVersion()).isEqualTo("42");
        assertThat(s.getRollback().getToVersion()).isEqualTo("41");
        assertThat(s.getReportFiles()).containsExactly("lambda-verify/7/junit.xml");
        assertThat(s.getBuildResult()).isNull(); // decided later, by the front end's result policy
        assertThat(s.toMap())
                .containsEntry("passed", false)
                .containsEntry("failed", 1)
                .containsEntry("rolledBack", true)
                .containsEntry("findings", 1);
    }

    @Test
    void aLogScanThatCouldNotReadTheLogsIsNeverSummarizedAsClean() {
        RunReport read = incident();
        VerificationSummary found = SummaryFactory.summarize("7", read, List.of());
        assertThat(found.getLogScan()).isEqualTo("found");
        assertThat(found.getLogScanProblem()).isNull();

        String denied = "logs:FilterLogEvents denied for arn:aws:sts::123456789012:assumed-role/ci/jenkins";
        RunReport unread = new RunReport(read.target(), read.verification().withLogScan(List.of(),
                io.jenkins.plugins.lambdaverify.result.LogScanStatus.failed(denied, "logs:FilterLogEvents", false)),
                read.rollback(), read.reverification());
        VerificationSummary failed = SummaryFactory.summarize("7", unread, List.of()).withBuildResult("FAILURE");

        assertThat(failed.getLogScan()).isEqualTo("failed");
        assertThat(failed.getLogScanProblem()).isEqualTo(denied);
        assertThat(failed.getFailingFindings()).isZero();
        assertThat(failed.toMap())
                .containsEntry("logScan", "failed")
                .containsEntry("logScanProblem", denied)
                .containsEntry("result", "FAILURE");
    }

    /** The incident: a lazy router fails with 500 and ModuleNotFoundError; the alias went back to 41. */
    private static RunReport incident() {
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
        return new RunReport(TargetInfo.described("lambda:orders-api:live"), verification, rollback, null);
    }

    /** A Jenkins abort on a remote agent summarizes the report.json the agent wrote: it must say what the run said. */
    @Test
    void aReportReadBackFromJsonSummarizesLikeTheRunItself() {
        RunReport report = incident();

        RunReport readBack = new JsonReportReader().fromJson(new JsonReportWriter().toJson(report));

        VerificationSummary direct = SummaryFactory.summarize("7", report, List.of());
        VerificationSummary fromJson = SummaryFactory.summarize("7", readBack, List.of());
        assertThat(fromJson.toMap()).isEqualTo(direct.toMap());
        assertThat(fromJson.getPhases())
                .extracting(VerificationSummary.Phase::getName, VerificationSummary.Phase::getFailed)
                .containsExactly(tuple("public", 1),
                        tuple("errors", 0));
        assertThat(fromJson.getProblems())
                .extracting(VerificationSummary.Check::getName)
                .containsExactlyElementsOf(direct.getProblems().stream().map(VerificationSummary.Check::getName)
                        .toList());
        assertThat(fromJson.getRollback().getStatus()).isEqualTo("DONE");
    }

    @Test
    void findingsUnderTheirThresholdAreListedButDoNotFail() {
        LogFinding tolerated = new LogFinding("WARN", "WARN slow query", 3, 5, START, START, null, List.of("WARN"));
        VerificationResult verification = new VerificationResult(
                "lambda:orders-api:live",
                START,
                START.plusMillis(100),
                List.of(new PhaseResult(
                        "public",
                        List.of(check("public", "GET /health -> 200", Outcome.PASSED, 200, 40, null)),
                        Duration.ofMillis(40))),
                List.of(tolerated),
                Termination.COMPLETED,
                null);

        VerificationSummary s = SummaryFactory.summarize(
                "publisher", RunReport.of(TargetInfo.described("lambda:orders-api:live"), verification), List.of());

        assertThat(s.isPassed()).isTrue();
        assertThat(s.getFailingFindings()).isZero();
        assertThat(s.getFindings()).singleElement().satisfies(f -> {
            assertThat(f.isFailing()).isFalse();
            assertThat(f.getCount()).isEqualTo(3);
            assertThat(f.getThreshold()).isEqualTo(5);
        });
        assertThat(s.getRollback()).isNull();
        assertThat(s.isRolledBack()).isFalse();
    }

    @Test
    void aRunCutShortIsNotPassedAndSaysHowItEnded() {
        VerificationResult verification = new VerificationResult(
                "lambda:orders-api:live",
                START,
                START.plusMillis(100),
                List.of(new PhaseResult(
                        "public",
                        List.of(check("public", "GET /health -> 200", Outcome.SKIPPED, null, 0, null)),
                        Duration.ZERO)),
                List.of(),
                Termination.ABORTED,
                null);

        VerificationSummary s = SummaryFactory.summarize(
                "7", RunReport.of(TargetInfo.described("lambda:orders-api:live"), verification), List.of());

        assertThat(s.isPassed()).isFalse();
        assertThat(s.getTermination()).isEqualTo("ABORTED");
        assertThat(s.getSkipped()).isEqualTo(1);
        assertThat(s.getP95LatencyMillis()).isZero(); // nothing ran
        assertThat(s.getPhases().get(0).isOk()).isTrue(); // nothing failed in it either
    }

    @Test
    void coldStartsCountEveryCheckThatHitOneWhateverItsOutcome() {
        VerificationResult verification = new VerificationResult(
                "lambda:orders-api:live",
                START,
                START.plusMillis(100),
                List.of(new PhaseResult(
                        "public",
                        List.of(
                                check("public", "a", Outcome.PASSED, 200, 900, 850.0),
                                check("public", "b", Outcome.FAILED, 500, 700, 650.0),
                                check("public", "c", Outcome.PASSED, 200, 30, null)),
                        Duration.ofMillis(900))),
                List.of(),
                Termination.COMPLETED,
                null);

        VerificationSummary s = SummaryFactory.summarize(
                "7", RunReport.of(TargetInfo.described("lambda:orders-api:live"), verification), List.of());

        assertThat(s.getColdStarts()).isEqualTo(2);
        assertThat(s.getP95LatencyMillis()).isEqualTo(900); // 3 latencies: rank ceil(2.85) = 3
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
