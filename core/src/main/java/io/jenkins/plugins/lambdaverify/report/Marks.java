package io.jenkins.plugins.lambdaverify.report;

import io.jenkins.plugins.lambdaverify.result.Outcome;

/** The marks terminals show per outcome: {@code ✔ ✘ ! -}, or plain ASCII words for consoles without UTF-8. */
public enum Marks {
    UNICODE("✔", "✘", "!", "-", "…"),
    ASCII("ok", "FAIL", "ERR", "skip", "...");

    private final String passed;
    private final String failed;
    private final String error;
    private final String skipped;
    private final String ellipsis;

    Marks(String passed, String failed, String error, String skipped, String ellipsis) {
        this.passed = passed;
        this.failed = failed;
        this.error = error;
        this.skipped = skipped;
        this.ellipsis = ellipsis;
    }

    public static Marks of(boolean ascii) {
        return ascii ? ASCII : UNICODE;
    }

    public String mark(Outcome outcome) {
        return switch (outcome) {
            case PASSED -> passed;
            case FAILED -> failed;
            case ERROR -> error;
            case SKIPPED -> skipped;
        };
    }

    /** What ends a name cut to fit its column. */
    public String ellipsis() {
        return ellipsis;
    }

    /** The widest mark, for column alignment. */
    int width() {
        int w = 0;
        for (Outcome o : Outcome.values()) {
            w = Math.max(w, mark(o).length());
        }
        return w;
    }
}
