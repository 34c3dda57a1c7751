package io.jenkins.plugins.lambdaverify.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Result;
import java.util.Locale;

/**
 * What a failed verification does to the build. FAILURE stops a Pipeline (the step throws); note that a FAILURE build
 * drops out of the JUnit "Test Result Trend" (it only shows SUCCESS and UNSTABLE builds), while this plugin's own
 * trend keeps it. UNSTABLE keeps the build in both trends. SUCCESS only reports.
 */
public enum ResultPolicy {
    FAILURE(Result.FAILURE),
    UNSTABLE(Result.UNSTABLE),
    SUCCESS(Result.SUCCESS);

    private final Result result;

    ResultPolicy(Result result) {
        this.result = result;
    }

    public Result result() {
        return result;
    }

    /** The policy named by a user, FAILURE when unset; a clear message for anything else. */
    public static ResultPolicy parse(@CheckForNull String value) throws AbortException {
        if (value == null || value.isBlank()) {
            return FAILURE;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AbortException(Texts.get("ResultPolicy.invalid", value));
        }
    }
}
