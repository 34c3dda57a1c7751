package io.jenkins.plugins.lambdaverify.result;

/** How one check ended. Maps onto JUnit: passed, {@code <failure>}, {@code <error>}, {@code <skipped>}. */
public enum Outcome {
    /** Every expectation met. */
    PASSED,
    /** The function answered, and an expectation was not met (broken code or config). */
    FAILED,
    /** No answer to evaluate: bad payload, timeout, network, credentials. */
    ERROR,
    /** Not run: an earlier phase failed with stop-on-failure, the deadline passed, or the run was aborted. */
    SKIPPED
}
