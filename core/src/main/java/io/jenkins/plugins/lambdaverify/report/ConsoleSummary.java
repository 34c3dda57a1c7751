package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogFinding;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;
import io.jenkins.plugins.lambdaverify.result.RollbackOutcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The final table for terminals and the Jenkins console: one aligned row per check (mark, phase, check, status,
 * latency, cold start), the totals per phase, log findings, rollback, and a one-line verdict last. Names longer than
 * the name column are cut. Masked; pure and thread-safe.
 */
public final class ConsoleSummary {

    /** Default width of the check-name column. */
    public static final int DEFAULT_NAME_WIDTH = 60;
    private static final int MAX_PHASE_WIDTH = 24;

    private final SecretMasker masker;
    private final Marks marks;
    private final int nameWidth;

    public ConsoleSummary(SecretMasker masker, boolean ascii, int nameWidth) {
        if (nameWidth < 10) {
            throw new IllegalArgumentException("name width must be at least 10, got " + nameWidth);
        }
        this.masker = masker;
        this.marks = Marks.of(ascii);
        this.nameWidth = nameWidth;
    }

    /** Unicode marks, default masking, {@value #DEFAULT_NAME_WIDTH}-character names. */
    public ConsoleSummary() {
        this(SecretMasker.defaults(), false, DEFAULT_NAME_WIDTH);
    }

    /** The summary as text, lines ending in {@code \n}. */
    public String render(RunReport report) {
        StringBuilder sb = new StringBuilder();
        lines(report).forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    /** The summary, line by line (for listeners that print lines). */
    static final int MAX_FAILURE_DETAILS = 10;
    private static final java.util.regex.Pattern CAUSE = java.util.regex.Pattern.compile(
            "(^[A-Za-z_.]*(Error|Exception)\\b|Task timed out|Runtime\\.[A-Za-z]+|\\[ERROR]|\\bERROR\\b)");

    public List<String> lines(RunReport report) {
        List<String> out = new ArrayList<>();
        VerificationResult v = report.verification();
        out.add("lambda-verify: " + one(ReportText.target(report)));
        table(out, v, "");
        failureDetails(out, v);
        if (report.rollback() != null) {
            out.add(rollback(report.rollback()));
        }
        if (report.reverification() != null) {
            out.add("re-verification after rollback:");
            table(out, report.reverification(), "  ");
            out.add("  " + verdict(report.reverification()));
        }
        out.add(verdict(v));
        return out;
    }

    private void table(List<String> out, VerificationResult v, String indent) {
        List<CheckResult> checks = v.phases().stream().flatMap(p -> p.checks().stream()).toList();
        int phaseWidth = Math.min(MAX_PHASE_WIDTH, Math.max(5, v.phases().stream()
                .mapToInt(p -> one(p.name()).length()).max().orElse(5)));
        int width = Math.min(nameWidth, Math.max(5, checks.stream().mapToInt(c -> one(c.name()).length()).max()
                .orElse(5)));
        String format = indent + "%-" + marks.width() + "s  %-" + phaseWidth + "s  %-" + width + "s  %6s  %9s  %s";
        out.add(String.format(format, "", "PHASE", "CHECK", "STATUS", "LATENCY", "").stripTrailing());
        for (PhaseResult p : v.phases()) {
            for (CheckResult c : p.checks()) {
                String latency = c.outcome() == Outcome.SKIPPED ? "-" : ReportText.duration(c.latency());
                out.add(String.format(format, marks.mark(c.outcome()), fit(p.name(), phaseWidth),
                        fit(c.name(), width), ReportText.status(c), latency, c.coldStart() ? "cold" : "")
                        .stripTrailing());
            }
        }
        String totalsFormat = indent + "%-" + marks.width() + "s  %-" + phaseWidth + "s  %s";
        for (PhaseResult p : v.phases()) {
            out.add(String.format(totalsFormat, "", fit(p.name(), phaseWidth),
                    totals(p) + " in " + ReportText.duration(p.duration())));
        }
        for (LogFinding f : LogScanView.matches(v)) {
            out.add(indent + marks.mark(f.failing() ? Outcome.FAILED : Outcome.PASSED) + " log " + one(f.pattern())
                    + " x" + f.count() + " (allowed " + f.threshold() + "): "
                    + ReportText.truncate(one(f.signature()), nameWidth * 2, marks.ellipsis()));
        }
        if (LogScanView.scanRan(v) && LogScanView.matches(v).isEmpty()) {
            out.add(indent + marks.mark(Outcome.PASSED) + " no errors in logs ("
                    + one(String.join(", ", LogScanView.cleanPatterns(v))) + ")");
        }
        String scanProblem = ReportText.logScanProblem(v);
        if (scanProblem != null) {
            out.add(indent + marks.mark(v.logScan().required() ? Outcome.FAILED : Outcome.ERROR) + " " + one(scanProblem)
                    + " (" + ReportText.logScanConsequence(v) + ")");
        }
    }

    /**
     * Why each failing check failed, in a line or two, with the log line that tells the cause (the exception line
     * of a traceback, e.g. {@code ModuleNotFoundError: No module named 'src'}): enough to act on without opening
     * a report.
     */
    private void failureDetails(List<String> out, VerificationResult v) {
        List<CheckResult> failing = v.phases().stream().flatMap(p -> p.checks().stream())
                .filter(c -> c.outcome() == Outcome.FAILED || c.outcome() == Outcome.ERROR).toList();
        if (failing.isEmpty()) {
            return;
        }
        out.add("");
        int shown = Math.min(failing.size(), MAX_FAILURE_DETAILS);
        for (CheckResult c : failing.subList(0, shown)) {
            out.add(marks.mark(c.outcome()) + " " + one(c.phase()) + " > " + one(c.name()));
            if (c.outcome() == Outcome.ERROR && c.errorMessage() != null) {
                out.add("    " + ReportText.truncate(one(masker.maskText(c.errorMessage())), nameWidth * 2,
                        marks.ellipsis()));
            }
            c.failures().forEach(f -> out.add("    " + one(masker.maskText(f))));
            String cause = causeLine(c.logLines());
            if (cause != null) {
                out.add("    log: " + ReportText.truncate(one(masker.maskText(cause)), nameWidth * 2, marks.ellipsis()));
            }
        }
        if (failing.size() > shown) {
            out.add("... and " + (failing.size() - shown) + " more failing checks (see the reports)");
        }
        out.add("");
    }

    /** The last line that names an error (a traceback's exception line), else the first [ERROR] line. */
    static String causeLine(List<String> logLines) {
        String cause = null;
        for (String event : logLines) {
            for (String line : event.split("\\R")) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("File ") || t.startsWith("at ") || t.startsWith("^")) {
                    continue;
                }
                if (CAUSE.matcher(t).find()) {
                    cause = t;
                }
            }
        }
        return cause;
    }

    /** {@code 2/3 passed, 1 failed}: passed of total, then any failed, errors, skipped. */
    static String totals(PhaseResult p) {
        StringBuilder sb = new StringBuilder().append(p.count(Outcome.PASSED)).append('/').append(p.checks().size())
                .append(" passed");
        if (p.count(Outcome.FAILED) > 0) {
            sb.append(", ").append(p.count(Outcome.FAILED)).append(" failed");
        }
        if (p.count(Outcome.ERROR) > 0) {
            sb.append(", ").append(p.count(Outcome.ERROR)).append(p.count(Outcome.ERROR) == 1 ? " error" : " errors");
        }
        if (p.count(Outcome.SKIPPED) > 0) {
            sb.append(", ").append(p.count(Outcome.SKIPPED)).append(" skipped");
        }
        return sb.toString();
    }

    private String rollback(RollbackOutcome r) {
        String what = switch (r.status()) {
            case DONE -> "rolled back";
            case DRY_RUN -> "rollback dry run";
            case REFUSED -> "rollback refused";
            case FAILED -> "rollback failed";
        };
        Outcome mark = switch (r.status()) {
            case DONE -> Outcome.PASSED;
            case DRY_RUN -> Outcome.SKIPPED;
            case REFUSED, FAILED -> Outcome.FAILED;
        };
        return marks.mark(mark) + " " + what + " (" + r.strategy() + ") " + dash(r.fromVersion()) + " -> "
                + dash(r.toVersion()) + (r.reason() == null ? "" : ": " + one(r.reason()));
    }

    /**
     * The one-line verdict, e.g. {@code FAILED: 1 failed, 1 error, 2 passed, 1 skipped of 5 checks in 3.50 s} or
     * {@code PASSED: 3 passed of 3 checks in 3.50 s}; {@code ; logs not scanned} when the log scan could not run.
     */
    public String verdict(VerificationResult v) {
        StringBuilder sb = new StringBuilder(v.passed() ? "PASSED: " : "FAILED: ");
        String problem = ReportText.runProblem(v);
        if (problem != null) {
            sb.append(one(problem)).append("; ");
        }
        if (v.passed()) {
            sb.append(v.count(Outcome.PASSED)).append(" passed");
            if (v.count(Outcome.SKIPPED) > 0) {
                sb.append(", ").append(v.count(Outcome.SKIPPED)).append(" skipped");
            }
        } else {
            sb.append(ReportText.counts(v));
        }
        sb.append(" of ").append(v.total()).append(v.total() == 1 ? " check" : " checks")
                .append(" in ").append(ReportText.duration(v.duration()));
        if (v.failingFindings() > 0) {
            sb.append("; ").append(v.failingFindings()).append(" failing log finding")
                    .append(v.failingFindings() == 1 ? "" : "s");
        }
        if (LogScanView.scanFailed(v)) {
            sb.append(v.logScan().required() ? "; the required log scan could not run" : "; logs not scanned");
        }
        return sb.toString();
    }

    private String fit(String text, int width) {
        return ReportText.truncate(one(text), width, marks.ellipsis());
    }

    private String one(String text) {
        return XmlChars.cleanOneLine(masker.maskText(text));
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }
}
