package io.jenkins.plugins.lambdaverify.target;

/** The target cannot be resolved (stack or function missing, ambiguous prefix): a one-line user message. */
public class TargetResolutionException extends RuntimeException {
    public TargetResolutionException(String message) {
        super(message);
    }

    public TargetResolutionException(String message, Throwable cause) {
        super(message, cause);
    }
}
