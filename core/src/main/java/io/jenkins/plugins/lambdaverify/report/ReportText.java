package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.LogScanStatus;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.RunReport;
import io.jenkins.plugins.lambdaverify.result.TargetInfo;
import io.jenkins.plugins.lambdaverify.result.VerificationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small formatting rules every reporter shares, so the reports agree with each other. */
public final class ReportText {
    private ReportText() {
    }

    /** {@code unauthenticated} for {@code Unauthenticated}, {@code error-handling} for {@code Error handling}. */
    public static String slug(String name) {
        String slug = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "phase" : slug;
    }

    /** A duration the way people read it: {@code 87 ms}, {@code 1.24 s}, {@code 2 min 5 s}. */
    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }

    /** Seconds with millisecond precision, as JUnit XML wants them. */
    public static String seconds(Duration d) {
        long nanos = d == null ? 0 : Math.max(0, d.toNanos());
        return String.format(Locale.ROOT, "%.3f", nanos / 1_000_000_000.0);
    }

    /** The text cut to {@code max} characters, ending in {@code ellipsis} when cut. */
    public static String truncate(String text, int max, String ellipsis) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        int keep = Math.max(0, max - ellipsis.length());
        return text.substring(0, keep) + ellipsis;
    }

    /** One line: line breaks and tabs become spaces. */
    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** The status column: the code, {@code -} when there was none. */
    public static String status(CheckResult c) {
        return c.statusCode() == null ? "-" : String.valueOf(c.statusCode());
    }

    /** Cold start in words, e.g. {@code cold start (init 250 ms)}; empty when warm. */
    public static String coldStart(CheckResult c) {
        if (!c.coldStart()) {
            return "";
        }
        return String.format(Locale.ROOT, "cold start (init %.0f ms)", c.initDurationMs());
    }

    /** The target as one line: description, then version and region when known. */
    public static String target(RunReport report) {
        TargetInfo t = report.target();
        VerificationResult v = report.verification();
        String description = t != null && t.description() != null ? t.description() : v.target();
        List<String> parts = new ArrayList<>();
        parts.add(description == null ? "(unknown target)" : description);
        if (t != null && t.version() != null) {
            parts.add("version " + t.version());
        }
        if (t != null && t.region() != null && (description == null || !description.contains(t.region()))) {
            parts.add(t.region());
        }
        return String.join(", ", parts);
    }

    /** The counts sentence used in verdicts: {@code 1 failed, 0 errors, 5 passed, 0 skipped}. */
    public static String counts(VerificationResult v) {
        long errors = v.count(Outcome.ERROR);
        return v.count(Outcome.FAILED) + " failed, " + errors + (errors == 1 ? " error, " : " errors, ")
                + v.count(Outcome.PASSED) + " passed, " + v.count(Outcome.SKIPPED) + " skipped";
    }

    /** Why a run that had no failing check still did not pass, or {@code null}. */
    public static String runProblem(VerificationResult v) {
        if (v.infrastructureError() != null) {
            return "could not reach the function: " + v.infrastructureError();
        }
        if (v.termination() == null) {
            return null;
        }
        return switch (v.termination()) {
            case DEADLINE -> "the deadline passed before every check ran";
            case ABORTED -> "the run was aborted";
            case COMPLETED -> null;
        };
    }

    /**
     * One line on a log scan that could not read the logs, e.g. {@code log scan could not run: logs:FilterLogEvents
     * denied ...}, or {@code null} when it read them (or was not attempted). Not masked: callers mask.
     */
    public static String logScanProblem(VerificationResult v) {
        LogScanStatus s = v.logScan();
        if (!s.failed()) {
            return null;
        }
        return "log scan could not run" + (s.required() ? " (logScan.required)" : "") + ": "
                + (s.reason() == null ? "no reason recorded" : oneLine(s.reason()));
    }

    /** What a failed log scan means for the verdict, for a user who only reads the summary. */
    public static String logScanConsequence(VerificationResult v) {
        return v.logScan().required() ? "the run fails: logScan.required is set"
                : "the checks' verdict stands; the logs went unread";
    }
}
