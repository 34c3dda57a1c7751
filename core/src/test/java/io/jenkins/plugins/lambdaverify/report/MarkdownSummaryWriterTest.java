package io.jenkins.plugins.lambdaverify.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.Termination;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkdownSummaryWriterTest {

    private final MarkdownSummaryWriter writer = new MarkdownSummaryWriter();

    @Test
    void incidentShowsVerdictTablesAndTheFailureWithItsLogLine() {
        String md = writer.render(ReportFixtures.incident());

        assertThat(md).startsWith("## ❌ lambda-verify: failed\n\n"
                + "**1 failed**, 1 error, 2 passed, 1 skipped · 1 failing log finding · 3.50 s · rolled back 42 → 41");
        assertThat(md).contains("**Target:** lambda:orders-api-ApiFunction-1A2B3C:live, version 42, eu-west-1");
        assertThat(md).contains("### ❌ unauthenticated — 0/2 passed (30.00 s)");
        assertThat(md).contains("| ❌ | GET /api/v1/providers -&gt; 401\\|307 | 500 | status 401\\|307 | 87 ms (cold) |");
        assertThat(md).contains("### Failures");
        assertThat(md).contains("#### ❌ unauthenticated › GET /api/v1/providers -&gt; 401\\|307\n\n"
                + "- expected status 401\\|307, got 500\n");
        assertThat(md).contains("```text\n{\"message\": \"Internal Server Error\"}\n```");
        assertThat(md).contains(ReportFixtures.MODULE_ERROR + "\n");
        assertThat(md).contains("| ❌ | ModuleNotFoundError | 12 | 0 |");
        assertThat(md).contains("### ↩️ Rollback (alias): rolled back");
        assertThat(md).contains("### ✅ Re-verification after rollback: 1/1 passed");
    }

    @Test
    void everyTableRowHasTheSameNumberOfCells() {
        String md = writer.render(ReportFixtures.incident());
        md.lines().filter(l -> l.startsWith("| ")).forEach(row -> {
            long cells = row.replace("\\|", "").chars().filter(ch -> ch == '|').count();
            assertThat(cells).as(row).isIn(5L, 6L);
        });
    }

    @Test
    void secretsAndControlCharactersStayOut() {
        String md = writer.render(ReportFixtures.incident());
        assertThat(md).doesNotContain(ReportFixtures.LEAKED_TOKEN, ReportFixtures.ACCESS_KEY, "abc123",
                "\u001B", "\u0000", "\u0007");
    }

    @Test
    void greenRunIsShort() {
        String md = writer.render(ReportFixtures.green());
        assertThat(md).startsWith("## ✅ lambda-verify: passed\n\n**3 of 3 checks passed** · 3.50 s");
        assertThat(md).doesNotContain("### Failures", "Log findings", "Rollback");
        assertThat(md).contains("| ✅ | public | 2/2 | 130 ms |", "<details><summary>All checks</summary>",
                "✅ No errors in logs (ModuleNotFoundError, ImportError).");
        assertThat(md.lines().count()).isLessThan(35);
    }

    @Test
    void backticksInExcerptsCannotCloseTheFence() {
        CheckResult c = new CheckResult("p", "GET /x -> 200", "GET", "/x", "status 200", Outcome.FAILED,
                List.of("expected status 200, got 500"), null, 500, "oops ``` not the end", Duration.ofMillis(5),
                null, null, null, List.of("`code` and ```` fences"));
        RunReport report = RunReport.of(ReportFixtures.target(), new VerificationResult("t", ReportFixtures.START,
                ReportFixtures.END, List.of(new PhaseResult("p", List.of(c), Duration.ofMillis(5))), List.of(),
                Termination.COMPLETED, null));
        String md = writer.render(report);
        assertThat(md).contains("````text\noops ``` not the end\n````");
        assertThat(md).contains("`````text\n`code` and ```` fences\n`````");
    }

    @Test
    void manyFailuresAreCappedAndLogLinesLimited() {
        List<CheckResult> checks = IntStream.range(0, 25).mapToObj(i -> new CheckResult("p", "GET /r" + i + " -> 200",
                "GET", "/r" + i, "status 200", Outcome.FAILED, List.of("expected status 200, got 500"), null, 500,
                null, Duration.ofMillis(i), null, null, null,
                IntStream.range(0, 40).mapToObj(n -> "line " + n).toList())).toList();
        RunReport report = RunReport.of(ReportFixtures.target(), new VerificationResult("t", ReportFixtures.START,
                ReportFixtures.END, List.of(new PhaseResult("p", checks, Duration.ofSeconds(1))), List.of(),
                Termination.COMPLETED, null));
        String md = writer.render(report);
        assertThat(md.split("#### ", -1)).hasSize(MarkdownSummaryWriter.MAX_FAILURES + 1);
        assertThat(md).contains("…and 5 more failing checks", "Log lines (first 30 of 40):", "line 29\n")
                .doesNotContain("line 30\n");
    }

    @Test
    void hugeFailuresStayUnderTheCommentLimit() {
        String longLine = "x".repeat(5000);
        List<CheckResult> checks = IntStream.range(0, 20).mapToObj(i -> new CheckResult("p", "GET /r" + i + " -> 200",
                "GET", "/r" + i, "status 200", Outcome.FAILED, List.of("expected status 200, got 500"), null, 500,
                "y".repeat(10_000), Duration.ofMillis(i), null, null, null, java.util.Collections.nCopies(30, longLine)))
                .toList();
        RunReport report = RunReport.of(ReportFixtures.target(), new VerificationResult("t", ReportFixtures.START,
                ReportFixtures.END, List.of(new PhaseResult("p", checks, Duration.ofSeconds(1))), List.of(),
                Termination.COMPLETED, null));
        String md = writer.render(report);
        assertThat(md.length()).isLessThan(65_536);
        assertThat(md).contains("more failing checks: see the JUnit or JSON report.");
        assertThat(md).doesNotContain("x".repeat(MarkdownSummaryWriter.MAX_LINE + 1));
    }

    @Test
    void escapesMarkdownInNames() {
        assertThat(MarkdownSummaryWriter.escape("a|b `c` *d* <e> [f](g)\nh"))
                .isEqualTo("a\\|b \\`c\\` \\*d\\* &lt;e&gt; \\[f\\](g) h");
    }

    @Test
    void unreachableFunctionIsCalledOut() {
        String md = writer.render(ReportFixtures.unreachable());
        assertThat(md).startsWith("## ❌ lambda-verify: failed");
        assertThat(md).contains("> **⚠️ could not reach the function: ResourceNotFoundException: Function not found: gone**");
    }
}
