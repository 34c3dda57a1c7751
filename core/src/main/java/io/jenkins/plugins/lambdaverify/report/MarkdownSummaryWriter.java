package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a {@link RunReport} as GitHub-flavoured Markdown for a PR comment or {@code $GITHUB_STEP_SUMMARY}: a
 * headline with the verdict and counts, the target, a table per phase, and for a failing run the failures with
 * their unmet expectations, response excerpt and log lines, the log findings and the rollback. An all-green run
 * stays short (a table of phases; the checks folded away). Text is masked with the {@link SecretMasker}; table cells
 * are escaped, fenced blocks use a fence longer than any backtick run inside.
 */
public final class MarkdownSummaryWriter {

    static final int MAX_FAILURES = 20;
    static final int MAX_LOG_LINES = 30;
    static final int MAX_EXCERPT = 2000;
    static final int MAX_LINE = 500;
    /** GitHub refuses comments over 65,536 characters: one more failure (at most ~18,000) still fits after this. */
    static final int DETAIL_BUDGET = 40_000;
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private final SecretMasker masker;

    public MarkdownSummaryWriter() {
        this(SecretMasker.defaults());
    }

    public MarkdownSummaryWriter(SecretMasker masker) {
        this.masker = masker;
    }

    /** Writes the summary as UTF-8. The stream is not closed. */
    public void write(RunReport report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(StandardCharsets.UTF_8));
    }

    /** The summary as Markdown text. */
    public String render(RunReport report) {
        VerificationResult v = report.verification();
        StringBuilder md = new StringBuilder();
        headline(md, report);
        md.append("**Target:** ").append(cell(ReportText.target(report))).append("\n\n");
        String problem = ReportText.runProblem(v);
        if (problem != null) {
            md.append("> **⚠️ ").append(cell(problem)).append("**\n\n");
        }
        String scanProblem = ReportText.logScanProblem(v);
        if (scanProblem != null) {
            md.append(v.logScan().required() ? "❌ " : "⚠️ ").append(cell(scanProblem)).append(" (")
                    .append(escape(ReportText.logScanConsequence(v))).append(")\n\n");
        }
        if (v.passed()) {
            phaseOverview(md, v);
            md.append("<details><summary>All checks</summary>\n\n");
            v.phases().forEach(p -> phaseTable(md, p));
            md.append("</details>\n\n");
            logScanLine(md, v);
        } else {
            v.phases().forEach(p -> phaseTable(md, p));
            failures(md, v);
            findings(md, v);
        }
        if (report.rollback() != null) {
            rollback(md, report.rollback());
        }
        if (report.reverification() != null) {
            reverification(md, report.reverification());
        }
        return md.toString();
    }

    private void headline(StringBuilder md, RunReport report) {
        VerificationResult v = report.verification();
        md.append("## ").append(v.passed() ? "✅ lambda-verify: passed" : "❌ lambda-verify: failed").append("\n\n");
        StringBuilder line = new StringBuilder();
        if (v.passed()) {
            line.append("**").append(v.count(Outcome.PASSED)).append(" of ").append(v.total())
                    .append(" checks passed**");
            if (v.count(Outcome.SKIPPED) > 0) {
                line.append(", ").append(v.count(Outcome.SKIPPED)).append(" skipped");
            }
        } else {
            line.append("**").append(v.count(Outcome.FAILED)).append(" failed**, ")
                    .append(v.count(Outcome.ERROR)).append(v.count(Outcome.ERROR) == 1 ? " error, " : " errors, ")
                    .append(v.count(Outcome.PASSED)).append(" passed, ")
                    .append(v.count(Outcome.SKIPPED)).append(" skipped");
            if (v.failingFindings() > 0) {
                line.append(" · ").append(v.failingFindings()).append(" failing log finding")
                        .append(v.failingFindings() == 1 ? "" : "s");
            }
            if (v.logScan().failsRun()) {
                line.append(" · the required log scan could not run");
            }
        }
        line.append(" · ").append(ReportText.duration(v.duration()));
        if (report.rolledBack()) {
            line.append(" · rolled back ").append(escape(dash(report.rollback().fromVersion()))).append(" → ")
                    .append(escape(dash(report.rollback().toVersion())));
        }
        md.append(line).append("\n\n");
    }

    private static void phaseOverview(StringBuilder md, VerificationResult v) {
        md.append("| | Phase | Checks | Time |\n|---|---|---|---|\n");
        for (PhaseResult p : v.phases()) {
            md.append("| ").append(phaseMark(p)).append(" | ").append(escape(p.name())).append(" | ")
                    .append(p.count(Outcome.PASSED)).append('/').append(p.checks().size()).append(" | ")
                    .append(ReportText.duration(p.duration())).append(" |\n");
        }
        md.append('\n');
    }

    private void phaseTable(StringBuilder md, PhaseResult p) {
        md.append("### ").append(phaseMark(p)).append(' ').append(escape(p.name())).append(" — ")
                .append(p.count(Outcome.PASSED)).append('/').append(p.checks().size()).append(" passed (")
                .append(ReportText.duration(p.duration())).append(")\n\n");
        md.append("| | Check | Status | Expected | Latency |\n|---|---|---|---|---|\n");
        for (CheckResult c : p.checks()) {
            String latency = c.outcome() == Outcome.SKIPPED ? "-" : ReportText.duration(c.latency())
                    + (c.coldStart() ? " (cold)" : "");
            md.append("| ").append(mark(c.outcome())).append(" | ").append(cell(c.name())).append(" | ")
                    .append(ReportText.status(c)).append(" | ").append(cell(c.expectation())).append(" | ")
                    .append(latency).append(" |\n");
        }
        md.append('\n');
    }

    private void failures(StringBuilder md, VerificationResult v) {
        List<CheckResult> failing = v.phases().stream().flatMap(p -> p.checks().stream())
                .filter(c -> c.outcome() == Outcome.FAILED || c.outcome() == Outcome.ERROR).toList();
        if (failing.isEmpty()) {
            return;
        }
        md.append("### Failures\n\n");
        int shown = 0;
        for (CheckResult c : failing.subList(0, Math.min(MAX_FAILURES, failing.size()))) {
            if (md.length() > DETAIL_BUDGET) {
                break;
            }
            shown++;
            md.append("#### ").append(mark(c.outcome())).append(' ').append(escape(c.phase())).append(" › ")
                    .append(cell(c.name())).append("\n\n");
            if (c.outcome() == Outcome.FAILED) {
                c.failures().forEach(f -> md.append("- ").append(cell(f)).append('\n'));
            } else {
                md.append("- no answer: ").append(cell(c.errorMessage() == null ? "unknown" : c.errorMessage()))
                        .append('\n');
            }
            md.append('\n').append(facts(c)).append("\n\n");
            if (c.responseExcerpt() != null && !c.responseExcerpt().isBlank()) {
                md.append("Response:\n\n");
                fenced(md, ReportText.truncate(masker.maskText(c.responseExcerpt()), MAX_EXCERPT, "…"));
            }
            if (!c.logLines().isEmpty()) {
                List<String> lines = masker.maskLines(c.logLines());
                md.append("Log lines").append(lines.size() > MAX_LOG_LINES
                        ? " (first " + MAX_LOG_LINES + " of " + lines.size() + ")" : "").append(":\n\n");
                fenced(md, String.join("\n", lines.subList(0, Math.min(MAX_LOG_LINES, lines.size())).stream()
                        .map(l -> ReportText.truncate(l, MAX_LINE, "…")).toList()));
            }
        }
        if (failing.size() > shown) {
            md.append("…and ").append(failing.size() - shown)
                    .append(" more failing checks: see the JUnit or JSON report.\n\n");
        }
    }

    private String facts(CheckResult c) {
        StringBuilder sb = new StringBuilder();
        sb.append(escape((c.method() == null ? "" : c.method() + " ") + masker.maskPath(c.path() == null ? ""
                : c.path())));
        sb.append(" · status ").append(ReportText.status(c)).append(" · ").append(ReportText.duration(c.latency()));
        if (c.coldStart()) {
            sb.append(" · ").append(ReportText.coldStart(c));
        }
        if (c.requestId() != null) {
            sb.append(" · request id ").append(escape(masker.maskText(c.requestId())));
        }
        if (c.executedVersion() != null) {
            sb.append(" · version ").append(escape(c.executedVersion()));
        }
        return sb.toString();
    }

    private void findings(StringBuilder md, VerificationResult v) {
        List<LogFinding> matches = LogScanView.matches(v);
        if (matches.isEmpty()) {
            logScanLine(md, v);
            return;
        }
        md.append("### Log findings\n\n| | Pattern | Count | Allowed | Signature |\n|---|---|---|---|---|\n");
        for (LogFinding f : matches) {
            md.append("| ").append(f.failing() ? "❌" : "✅").append(" | ").append(cell(f.pattern())).append(" | ")
                    .append(f.count()).append(" | ").append(f.threshold()).append(" | ")
                    .append(cell(ReportText.truncate(f.signature(), 200, "…"))).append(" |\n");
        }
        md.append('\n');
    }

    private static void logScanLine(StringBuilder md, VerificationResult v) {
        if (LogScanView.scanRan(v) && LogScanView.matches(v).isEmpty()) {
            md.append("✅ No errors in logs (").append(escape(String.join(", ", LogScanView.cleanPatterns(v))))
                    .append(").\n\n");
        }
    }

    private void rollback(StringBuilder md, RollbackOutcome r) {
        String mark = switch (r.status()) {
            case DONE -> "↩️";
            case DRY_RUN -> "⏭️";
            case REFUSED, FAILED -> "❌";
        };
        String status = switch (r.status()) {
            case DONE -> "rolled back";
            case DRY_RUN -> "dry run";
            case REFUSED -> "rollback refused";
            case FAILED -> "rollback failed";
        };
        md.append("### ").append(mark).append(" Rollback (").append(escape(dash(r.strategy()))).append("): ")
                .append(status).append("\n\n");
        md.append(escape(dash(r.fromVersion()))).append(" → ").append(escape(dash(r.toVersion())));
        if (r.reason() != null) {
            md.append(": ").append(cell(r.reason()));
        }
        md.append("\n\n");
        if (!r.output().isEmpty()) {
            fenced(md, String.join("\n", masker.maskLines(r.output())));
        }
    }

    private void reverification(StringBuilder md, VerificationResult v) {
        md.append("### ").append(v.passed() ? "✅" : "❌").append(" Re-verification after rollback: ")
                .append(v.count(Outcome.PASSED)).append('/').append(v.total()).append(" passed")
                .append(v.failingFindings() > 0 ? ", " + v.failingFindings() + " failing log findings" : "")
                .append("\n\n");
        if (!v.passed()) {
            v.phases().stream().filter(p -> !p.passed()).forEach(p -> phaseTable(md, p));
        }
    }

    private static void fenced(StringBuilder md, String raw) {
        String text = XmlChars.clean(raw); // no colour codes or control bytes in a PR comment
        int longest = 0;
        Matcher m = BACKTICKS.matcher(text);
        while (m.find()) {
            longest = Math.max(longest, m.group().length());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        md.append(fence).append("text\n").append(text.stripTrailing()).append('\n').append(fence).append("\n\n");
    }

    private String cell(String text) {
        return escape(masker.maskText(text));
    }

    /** Inline Markdown: one line, with the characters that would start markup or break a table escaped. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (char ch : ReportText.oneLine(text).toCharArray()) {
            switch (ch) {
                case '\\', '`', '|', '*', '_', '[', ']', '#' -> sb.append('\\').append(ch);
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String phaseMark(PhaseResult p) {
        if (!p.passed()) {
            return "❌";
        }
        return p.count(Outcome.SKIPPED) == p.checks().size() && !p.checks().isEmpty() ? "⏭️" : "✅";
    }

    private static String mark(Outcome o) {
        return switch (o) {
            case PASSED -> "✅";
            case FAILED -> "❌";
            case ERROR -> "⚠️";
            case SKIPPED -> "⏭️";
        };
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
