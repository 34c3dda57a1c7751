package io.jenkins.plugins.lambdaverify.engine;

import io.jenkins.plugins.lambdaverify.result.CheckResult;
import io.jenkins.plugins.lambdaverify.result.PhaseResult;

/**
 * Port: progress as it happens. The CLI prints to stderr, Jenkins to the build's TaskListener.
 * Called from worker threads: implementations must be thread-safe.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    default void phaseStarted(String phase, int checks) {
    }

    default void checkFinished(CheckResult result) {
    }

    default void phaseFinished(PhaseResult result) {
    }

    /** A line of information (resolution, log scan, rollback). */
    default void info(String message) {
    }
}
