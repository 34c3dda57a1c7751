package io.jenkins.plugins.lambdaverify.summary;

import java.util.List;

/** Hand-made summaries: a green verification, and the incident (500s, ModuleNotFoundError, rolled back). */
final class Summaries {
    private Summaries() {}

    static VerificationSummary passed(String id, int checks, long p95, int coldStarts) {
        return new VerificationSummary(
                id,
                "lambda:orders-api:live",
                true,
                checks,
                checks,
                0,
                0,
                0,
                0,
                1200,
                p95,
                coldStarts,
                "COMPLETED",
                null,
                List.of(new VerificationSummary.Phase("public", checks, 0, 0, 0, 800)),
                List.of(),
                List.of(),
                null,
                List.of("lambda-verify/" + id + "/junit.xml"));
    }

    static VerificationSummary failedWithRollback(String id, String rollbackStatus) {
        VerificationSummary.Check check = new VerificationSummary.Check(
                "public",
                "GET /api/v1/providers -> 401|307",
                "FAILED",
                "status 401|307",
                List.of("status was 500"),
                null,
                500,
                "{\"message\":\"Internal Server Error\"}",
                130,
                "req-1",
                List.of("ModuleNotFoundError: No module named 'src.api.v1.providers'"));
        VerificationSummary.Finding finding = new VerificationSummary.Finding(
                "ModuleNotFoundError",
                "No module named 'src.api.v1.providers'",
                31,
                0,
                List.of("ModuleNotFoundError: ..."));
        VerificationSummary.Rollback rollback = new VerificationSummary.Rollback(
                "alias", rollbackStatus, "live moved back to 41", "42", "41", List.of("alias live -> 41"));
        return new VerificationSummary(
                id,
                "lambda:orders-api:live",
                false,
                3,
                1,
                1,
                1,
                0,
                1,
                2500,
                900,
                2,
                "COMPLETED",
                null,
                List.of(new VerificationSummary.Phase("public", 1, 1, 1, 0, 2000)),
                List.of(check),
                List.of(finding),
                rollback,
                List.of("lambda-verify/" + id + "/junit.xml", "lambda-verify/" + id + "/report.json"));
    }
}
