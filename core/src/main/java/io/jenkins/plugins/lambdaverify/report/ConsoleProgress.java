package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.Outcome;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;

/**
 * One line per event while a run is going, for progress listeners (the CLI's stderr, the Jenkins console). Every
 * line is masked and kept on one line. Pure and thread-safe.
 */
public final class ConsoleProgress {
    private static final int MAX_NAME = 80;
    private static final int MAX_DETAIL = 200;

    private final SecretMasker masker;
    private final Marks marks;

    public ConsoleProgress(SecretMasker masker, boolean ascii) {
        this.masker = masker;
        this.marks = Marks.of(ascii);
    }

    /** Unicode marks, default masking. */
    public ConsoleProgress() {
        this(SecretMasker.defaults(), false);
    }

    /** e.g. {@code ▶ phase unauthenticated (3 checks)}. */
    public String phaseStarted(String phase, int checks) {
        return (marks == Marks.ASCII ? ">" : "▶") + " phase " + ReportText.oneLine(phase) + " (" + checks
                + (checks == 1 ? " check)" : " checks)");
    }

    /**
     * e.g. {@code ✘ unauthenticated  GET /api/v1/providers -> 401|307  500  87 ms  cold  expected status 401|307,
     * got 500}.
     */
    public String checkFinished(CheckResult c) {
        StringBuilder sb = new StringBuilder(marks.mark(c.outcome())).append(' ')
                .append(ReportText.oneLine(c.phase())).append("  ")
                .append(ReportText.truncate(one(c.name()), MAX_NAME, marks.ellipsis()));
        if (c.outcome() != Outcome.SKIPPED) {
            sb.append("  ").append(ReportText.status(c)).append("  ").append(ReportText.duration(c.latency()));
            if (c.coldStart()) {
                sb.append("  cold");
            }
        }
        String detail = switch (c.outcome()) {
            case PASSED -> null;
            case FAILED -> String.join("; ", c.failures());
            case ERROR, SKIPPED -> c.errorMessage();
        };
        if (detail != null && !detail.isBlank()) {
            sb.append("  ").append(ReportText.truncate(one(detail), MAX_DETAIL, marks.ellipsis()));
        }
        return sb.toString();
    }

    /** e.g. {@code ✘ phase unauthenticated: 0/2 passed, 1 failed, 1 error (30.00 s)}. */
    public String phaseFinished(PhaseResult p) {
        // A phase none of whose checks ran (abort, stop on failure) did not pass: it shows the skipped mark.
        boolean noneRan = !p.checks().isEmpty() && p.count(Outcome.SKIPPED) == p.checks().size();
        Outcome worst = p.count(Outcome.FAILED) > 0 ? Outcome.FAILED
                : p.count(Outcome.ERROR) > 0 ? Outcome.ERROR : noneRan ? Outcome.SKIPPED : Outcome.PASSED;
        return marks.mark(worst) + " phase " + ReportText.oneLine(p.name()) + ": " + ConsoleSummary.totals(p)
                + " (" + ReportText.duration(p.duration()) + ")";
    }

    private String one(String text) {
        return XmlChars.cleanOneLine(masker.maskText(text));
    }
}
