package io.jenkins.plugins.lambdaverify.report;

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
import java.util.List;

/** Hand-built reports: the incident (lazy routers failing with ModuleNotFoundError), and an all-green run. */
final class ReportFixtures {
    static final Instant START = Instant.parse("2026-11-28T10:15:30.250Z");
    static final Instant END = Instant.parse("2026-11-28T10:15:33.750Z");
    static final String MODULE_ERROR = "[ERROR] ModuleNotFoundError: No module named 'src.api.v1.providers'";
    static final String INCIDENT_CHECK = "GET /api/v1/providers -> 401|307";
    /** A secret a careless app logged; no reporter may print it. */
    static final String LEAKED_TOKEN = "eyJhbGciOiJIUzI1NiJ9.leaked.tokenvalue";
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";

    private ReportFixtures() {
    }

    static TargetInfo target() {
        return new TargetInfo("lambda:orders-api-ApiFunction-1A2B3C:live", "orders-api-ApiFunction-1A2B3C",
                "arn:aws:lambda:eu-west-1:123456789012:function:orders-api-ApiFunction-1A2B3C", "live", "42",
                "rev-1", "eu-west-1", "python3.12", 30, "/aws/lambda/orders-api-ApiFunction-1A2B3C");
    }

    static CheckResult passed(String phase, String name, String path, int status, long ms) {
        return new CheckResult(phase, name, "GET", path, "status " + status, Outcome.PASSED, List.of(), null, status,
                "{\"status\":\"ok\"}", Duration.ofMillis(ms), null, "req-" + ms, "42", List.of());
    }

    static CheckResult incidentFailure() {
        return new CheckResult("unauthenticated", INCIDENT_CHECK, "GET", "/api/v1/providers", "status 401|307",
                Outcome.FAILED, List.of("expected status 401|307, got 500"), null, 500,
                "{\"message\": \"Internal Server Error\"}", Duration.ofMillis(87), 412.5,
                "8f5e1c2a-1d2b-4c3d-9e8f-0a1b2c3d4e5f", "42",
                List.of("START RequestId: 8f5e1c2a-1d2b-4c3d-9e8f-0a1b2c3d4e5f Version: 42",
                        MODULE_ERROR,
                        "Traceback: \u001B[31mboom\u001B[0m \u0000\u0007 bell and nul",
                        "debug headers {\"authorization\": \"Bearer " + LEAKED_TOKEN + "\"}",
                        "using " + ACCESS_KEY));
    }

    static CheckResult errored() {
        return new CheckResult("unauthenticated", "GET /api/v1/orders?token=abc123 -> 401|307", "GET",
                "/api/v1/orders?token=abc123", "status 401|307", Outcome.ERROR, List.of(),
                "read timed out after 30 s", null, null, Duration.ofSeconds(30), null, null, null, List.of());
    }

    static CheckResult skipped() {
        return new CheckResult("errors", "GET /no/such/path -> 404", "GET", "/no/such/path", "status 404",
                Outcome.SKIPPED, List.of(), "an earlier phase failed (stop on failure)", null, null, Duration.ZERO,
                null, null, null, List.of());
    }

    static LogFinding moduleFinding() {
        return new LogFinding("ModuleNotFoundError", "[ERROR] ModuleNotFoundError: No module named '<module>'", 12, 0,
                START, END, "2026/11/28/[42]abcdef", List.of(MODULE_ERROR));
    }

    static LogFinding toleratedFinding() {
        return new LogFinding("Timeout", "Task timed out after <n> seconds", 1, 2, START, START, null,
                List.of("Task timed out after 3.00 seconds"));
    }

    /** The incident: public endpoints fine, every lazily loaded router 500s. */
    static RunReport incident() {
        PhaseResult pub = new PhaseResult("public", List.of(
                passed("public", "GET /health -> 200", "/health", 200, 120),
                passed("public", "GET /api/v1/version -> 200", "/api/v1/version", 200, 45)), Duration.ofMillis(130));
        PhaseResult unauth = new PhaseResult("unauthenticated", List.of(incidentFailure(), errored()),
                Duration.ofSeconds(30));
        PhaseResult errors = new PhaseResult("errors", List.of(skipped()), Duration.ZERO);
        VerificationResult v = new VerificationResult("lambda:orders-api-ApiFunction-1A2B3C:live (eu-west-1)", START,
                END, List.of(pub, unauth, errors), List.of(moduleFinding(), toleratedFinding()),
                Termination.COMPLETED, null);
        RollbackOutcome rollback = new RollbackOutcome("alias", RollbackOutcome.Status.DONE,
                "alias live moved back from 42 to 41", "42", "41", List.of());
        VerificationResult re = new VerificationResult("lambda:orders-api-ApiFunction-1A2B3C:live (eu-west-1)", END,
                END.plusSeconds(2), List.of(new PhaseResult("public", List.of(
                        passed("public", "GET /health -> 200", "/health", 200, 99)), Duration.ofMillis(99))),
                List.of(LogScanView.noMatches("ModuleNotFoundError")), Termination.COMPLETED, null);
        return new RunReport(target(), v, rollback, re);
    }

    /** Everything passed and the log scan was clean. */
    static RunReport green() {
        PhaseResult pub = new PhaseResult("public", List.of(
                passed("public", "GET /health -> 200", "/health", 200, 120),
                passed("public", "GET /api/v1/version -> 200", "/api/v1/version", 200, 45)), Duration.ofMillis(130));
        PhaseResult unauth = new PhaseResult("unauthenticated", List.of(new CheckResult("unauthenticated",
                INCIDENT_CHECK, "GET", "/api/v1/providers", "status 401|307", Outcome.PASSED, List.of(), null, 401,
                "{\"detail\":\"Not authenticated\"}", Duration.ofMillis(33), null, "req-3", "42", List.of())),
                Duration.ofMillis(33));
        VerificationResult v = new VerificationResult("lambda:orders-api-ApiFunction-1A2B3C:live (eu-west-1)", START,
                END, List.of(pub, unauth), List.of(LogScanView.noMatches("ModuleNotFoundError"),
                LogScanView.noMatches("ImportError")), Termination.COMPLETED, null);
        return RunReport.of(target(), v);
    }

    /** The function could not be reached at all: every check skipped. */
    static RunReport unreachable() {
        VerificationResult v = new VerificationResult("lambda:gone", START, START.plusMillis(400),
                List.of(new PhaseResult("public", List.of(skipped()), Duration.ZERO)), List.of(),
                Termination.COMPLETED, "ResourceNotFoundException: Function not found: gone");
        return RunReport.of(TargetInfo.described("lambda:gone"), v);
    }
}
