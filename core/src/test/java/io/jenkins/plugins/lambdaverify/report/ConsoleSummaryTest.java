package io.jenkins.plugins.lambdaverify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {

    @Test
    void incidentTableIsAlignedAndEndsWithTheVerdict() {
        List<String> lines = new ConsoleSummary().lines(ReportFixtures.incident());

        assertThat(lines.get(0)).isEqualTo("lambda-verify: lambda:orders-api-ApiFunction-1A2B3C:live, version 42, "
                + "eu-west-1");
        assertThat(lines).contains(
                "✘  unauthenticated  GET /api/v1/providers -> 401|307             500      87 ms  cold",
                "!  unauthenticated  GET /api/v1/orders?token=**** -> 401|307       -    30.00 s",
                "-  errors           GET /no/such/path -> 404                       -          -",
                "   unauthenticated  0/2 passed, 1 failed, 1 error in 30.00 s",
                "✘ log ModuleNotFoundError x12 (allowed 0): [ERROR] ModuleNotFoundError: No module named '<module>'",
                "✔ rolled back (alias) 42 -> 41: alias live moved back from 42 to 41");
        assertThat(lines.getLast()).isEqualTo(
                "FAILED: 1 failed, 1 error, 2 passed, 1 skipped of 5 checks in 3.50 s; 1 failing log finding");

        // Columns line up: STATUS ends at the same column on every check row of the main table.
        List<String> rows = lines.subList(1, 7);
        int statusEnd = rows.get(0).indexOf("STATUS") + "STATUS".length();
        rows.subList(1, rows.size()).forEach(r -> assertThat(r.charAt(statusEnd - 1)).as(r).isNotEqualTo(' '));
        assertThat(String.join("\n", lines)).doesNotContain("abc123");
    }

    @Test
    void asciiFallbackAndNameWidth() {
        String text = new ConsoleSummary(SecretMasker.defaults(), true, 20).render(ReportFixtures.green());
        assertThat(text).contains("ok    public           GET /health -> 200       200     120 ms\n");
        assertThat(text).contains("GET /api/v1/provi...");
        assertThat(text).doesNotContain("✔", "✘");
        assertThat(text).endsWith("PASSED: 3 passed of 3 checks in 3.50 s\n");
        assertThat(text).contains("ok no errors in logs (ModuleNotFoundError, ImportError)");
    }

    @Test
    void unreachableVerdictSaysWhy() {
        assertThat(new ConsoleSummary().lines(ReportFixtures.unreachable()).getLast())
                .startsWith("FAILED: could not reach the function: ResourceNotFoundException: Function not found: gone;");
    }

    @Test
    void rejectsAUselessNameWidth() {
        assertThatThrownBy(() -> new ConsoleSummary(SecretMasker.defaults(), false, 3))
                .hasMessage("name width must be at least 10, got 3");
    }

    @Test
    void progressIsOneMaskedLinePerCheck() {
        ConsoleProgress progress = new ConsoleProgress();
        assertThat(progress.checkFinished(ReportFixtures.incidentFailure())).isEqualTo(
                "✘ unauthenticated  GET /api/v1/providers -> 401|307  500  87 ms  cold  expected status 401|307, got 500");
        assertThat(progress.checkFinished(ReportFixtures.errored())).isEqualTo(
                "! unauthenticated  GET /api/v1/orders?token=**** -> 401|307  -  30.00 s  read timed out after 30 s");
        assertThat(progress.checkFinished(ReportFixtures.skipped()))
                .isEqualTo("- errors  GET /no/such/path -> 404  an earlier phase failed (stop on failure)");
        assertThat(progress.phaseStarted("public", 2)).isEqualTo("▶ phase public (2 checks)");
        assertThat(progress.phaseFinished(ReportFixtures.incident().verification().phases().get(1)))
                .isEqualTo("✘ phase unauthenticated: 0/2 passed, 1 failed, 1 error (30.00 s)");
        assertThat(progress.phaseFinished(ReportFixtures.incident().verification().phases().get(2)))
                .as("a phase none of whose checks ran is not marked as passed")
                .startsWith("- phase errors: 0/1 passed");

        CheckResult multiline = new CheckResult("p", "GET /x -> 200", "GET", "/x", "status 200", Outcome.ERROR,
                List.of(), "boom\nsecond line password=hunter2 \u001B[31mred\u001B[0m", null, null,
                Duration.ofMillis(3), null, null, null, List.of());
        String ascii = new ConsoleProgress(SecretMasker.defaults(), true).checkFinished(multiline);
        assertThat(ascii).isEqualTo("ERR p  GET /x -> 200  -  3 ms  boom second line password=**** red");
        assertThat(ascii).doesNotContain("\n", "hunter2");
    }

    @Test
    void failingChecksSayWhyWithTheCauseFromTheirLogs() {
        List<String> lines = new ConsoleSummary().lines(ReportFixtures.incident());
        int at = lines.indexOf("\u2718 unauthenticated > GET /api/v1/providers -> 401|307");
        assertThat(at).isPositive();
        assertThat(lines.get(at + 1)).startsWith("    expected status 401|307").contains("500");
        assertThat(lines.get(at + 2)).startsWith("    log: ").contains("ModuleNotFoundError");
    }

    @Test
    void causeIsTheExceptionLineOfATraceback() {
        String traceback = "[ERROR]\t2026-11-28T18:26:15Z\tid\tUnhandled error\nTraceback (most recent call last):\n"
                + "  File \"/var/task/app.py\", line 22, in handler\n    response = dispatch(request)\n"
                + "ModuleNotFoundError: No module named 'src'";
        assertThat(ConsoleSummary.causeLine(List.of("START RequestId: id", traceback, "END RequestId: id")))
                .isEqualTo("ModuleNotFoundError: No module named 'src'");
        assertThat(ConsoleSummary.causeLine(List.of("2026-11-28T18:26:15Z id Task timed out after 3.00 seconds")))
                .contains("Task timed out after 3.00 seconds");
        assertThat(ConsoleSummary.causeLine(List.of("START RequestId: id", "END RequestId: id"))).isNull();
    }
}
