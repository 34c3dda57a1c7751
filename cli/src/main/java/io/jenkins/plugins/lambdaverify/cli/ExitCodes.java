package io.jenkins.plugins.lambdaverify.cli;

/** The CLI's exit codes: documented in docs/cli.md, relied on by CI scripts. */
public final class ExitCodes {
    /** Every check passed, no failing log finding. */
    public static final int PASSED = 0;
    /** Checks failed (or log findings over threshold). */
    public static final int FAILED = 1;
    /** Usage or config error: nothing was run. */
    public static final int USAGE = 2;
    /**
     * Infrastructure error: credentials, network, function not found; or the checks passed and a required log scan
     * ({@code logScan.required}) could not read the logs.
     */
    public static final int INFRASTRUCTURE = 3;
    /** Checks failed, the rollback was done and the rolled-back version passed (or was not re-verified). */
    public static final int ROLLED_BACK = 4;
    /** Checks failed and the rollback was refused, failed, or the rolled-back version failed too. */
    public static final int ROLLBACK_FAILED = 5;

    private ExitCodes() {
    }
}
